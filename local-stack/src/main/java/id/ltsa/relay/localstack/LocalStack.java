package id.ltsa.relay.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of LTSA Relay on one machine without Docker: PostgreSQL (a database per service), a Kafka broker, the
 * three services and the central API simulator, each a separate process. `ltsa up` and the end-to-end tests both
 * start the system through this class, so the tests run exactly what people run.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final StackSettings settings;
    private final ProjectLayout layout;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final DevKeys keys;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

    public LocalStack(StackSettings settings) {
        this.settings = settings;
        this.layout = ProjectLayout.detect();
        this.postgres = new PostgresServer(settings.data().resolve("postgres"), settings.logs().resolve("postgres.log"),
                settings.postgresPort(), settings.throwaway());
        this.kafka = new KafkaBroker(settings.data().resolve("kafka"), settings.logs().resolve("kafka.log"),
                settings.kafkaPort(), settings.kafkaControllerPort(), settings.throwaway() ? "256m" : "320m");
        this.keys = DevKeys.in(settings.keys());
        for (Service service : Service.values()) {
            services.put(service, new ServiceProcess(service.module(), layout.serviceJar(service.module()),
                    settings.port(service), environment(service), settings.logs().resolve(service.module() + ".log"),
                    settings.run().resolve(service.module() + ".pid")));
        }
    }

    /** Starts everything and returns once every service answers ready; on failure stops what it started. */
    public LocalStack start() {
        refuseBusyPorts();
        try {
            startAll();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Another stack (or anything else) on our ports would make a confusing half-started system: say so up front. */
    private void refuseBusyPorts() {
        List<String> busy = new ArrayList<>();
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("postgresql", settings.postgresPort());
        ports.put("kafka", settings.kafkaPort());
        ports.put("kafka controller", settings.kafkaControllerPort());
        ports.put("smtp sink", settings.smtpPort());
        for (Service service : Service.values()) {
            ports.put(service.module(), settings.port(service));
        }
        ports.forEach((what, port) -> {
            if (Processes.isListening(port)) {
                busy.add(what + " port " + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Already in use: " + String.join(", ", busy)
                    + ". Is another LTSA Relay running? Stop it with ./ltsa down, or choose other ports (see README).");
        }
    }

    private void startAll() {
        CompletableFuture<Void> broker = CompletableFuture.runAsync(kafka::start);
        postgres.start();
        for (Service service : Service.values()) {
            if (service.database() != null) {
                postgres.createDatabaseIfMissing(service.database());
            }
        }
        // The services connect to Kafka on their own schedule; only the database must be there before they start.
        services.values().forEach(ServiceProcess::launch);
        broker.join();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            ready.add(CompletableFuture.runAsync(() -> service.awaitReady(READY_TIMEOUT)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    private Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        env.put("LTSA_CALLBACK_SECRET", settings.callbackSecret());
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "local");
        }
        String simulator = "http://127.0.0.1:" + settings.port(Service.CENTRAL_API_SIMULATOR);
        switch (service) {
            case SUBMISSION -> env.put("LTSA_CENTRAL_URL", simulator);
            case NOTIFICATION -> {
                env.put("LTSA_GATEWAY_URL", simulator);
                env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                env.put("QUARKUS_MAILER_PORT", Integer.toString(settings.smtpPort()));
            }
            case CENTRAL_API_SIMULATOR -> {
                env.put("LTSA_CALLBACK_URL", "http://127.0.0.1:" + settings.port(Service.SUBMISSION)
                        + "/api/v1/central/callbacks");
                env.put("LTSA_SMTP_PORT", Integer.toString(settings.smtpPort()));
            }
            default -> {
            }
        }
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    /**
     * Starts another instance of a service on {@code port}, sharing the first one's database and broker, as a second
     * server at the same office would. The caller stops it.
     */
    public ServiceProcess startAnotherInstance(Service service, int port) {
        Map<String, String> env = environment(service);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess another = new ServiceProcess(service.module() + "-" + port, layout.serviceJar(service.module()),
                port, env, settings.logs().resolve(service.module() + "-" + port + ".log"),
                settings.run().resolve(service.module() + "-" + port + ".pid"));
        another.launch();
        another.awaitReady(READY_TIMEOUT);
        return another;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public String url(Service service) {
        return services.get(service).url();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public DevTokens tokens() {
        return new DevTokens(keys);
    }

    public StackSettings settings() {
        return settings;
    }

    /** Stops the services first, so nothing they do on the way out finds its broker or database gone. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            stopping.add(CompletableFuture.runAsync(service::stop));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        kafka.stop();
        postgres.stop();
    }
}
