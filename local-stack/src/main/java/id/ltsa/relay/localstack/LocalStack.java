package id.ltsa.relay.localstack;

import id.ltsa.relay.localstack.modem.GammuSchema;
import id.ltsa.relay.localstack.modem.GammuSmsd;
import id.ltsa.relay.localstack.supervision.ProcessStatus;
import id.ltsa.relay.localstack.supervision.Supervised;
import id.ltsa.relay.localstack.supervision.Supervisor;
import id.ltsa.relay.localstack.uplink.SimulatorUplink;
import id.ltsa.relay.localstack.uplink.Uplink;
import id.ltsa.relay.localstack.uplink.UpstreamNamespace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One office of LTSA Relay on one machine without Docker: PostgreSQL (a database per service), a Kafka broker, the
 * three services and the office's GSM modem (Gammu SMSD with gammu's dummy phone) on the office server; the central
 * API simulator (central API, messaging gateway, SMTP sink) upstream, behind an uplink that can be cut (see
 * {@link Uplink}). Each is a separate process. In a {@link LocalFleet} submission-service also writes the office's
 * heartbeats for the ministry, and the office's broker answers the ministry's MirrorMaker 2 through the uplink. `ltsa up` and the end-to-end tests
 * both start the system through these classes, so the tests run exactly what people run.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final StackSettings settings;
    private final ProjectLayout layout;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final DevKeys keys;
    private final Uplink uplink;
    private final List<String> notes = new ArrayList<>();
    private final GammuSmsd modem;
    private final boolean reportsToMinistry;
    private final UpstreamNamespace ownNamespace;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private Supervisor supervisor;

    /** An office on its own, upstream in a namespace of its own: no ministry, no heartbeats. */
    public LocalStack(StackSettings settings) {
        this(settings, null, true, false);
    }

    /**
     * @param sharedUpstream the fleet's upstream namespace, which this office joins through an uplink of its own
     * @param ownUpstream with no shared one, make a namespace of its own (else fall back to the simulator's uplink
     *     switch)
     * @param reportsToMinistry write the office's heartbeats, for the ministry's fleet watch
     */
    LocalStack(
            StackSettings settings, UpstreamNamespace sharedUpstream, boolean ownUpstream, boolean reportsToMinistry) {
        this.settings = settings;
        this.reportsToMinistry = reportsToMinistry;
        this.layout = ProjectLayout.detect();
        this.postgres = new PostgresServer(
                settings.data().resolve("postgres"),
                settings.logs().resolve("postgres.log"),
                settings.postgresPort(),
                settings.throwaway());
        this.keys = DevKeys.in(settings.keys());
        this.ownNamespace = sharedUpstream == null && ownUpstream ? makeNamespace() : null;
        this.uplink = makeUplink(sharedUpstream != null ? sharedUpstream : ownNamespace);
        try {
            this.kafka = new KafkaBroker(
                            settings.data().resolve("kafka"),
                            settings.logs().resolve("kafka.log"),
                            settings.kafkaPort(),
                            settings.kafkaControllerPort(),
                            "192m")
                    .withUplinkListener(uplink.officeAddress(), settings.kafkaUplinkPort())
                    .withCredentials(KafkaCredentials.in(settings.keys()));
            this.modem = makeModem();
            describeServices();
        } catch (RuntimeException e) {
            closeNamespace(); // the namespace and veth pairs are this stack's: none left behind
            throw e;
        }
    }

    private void describeServices() {
        for (Service service : Service.values()) {
            boolean upstream = service == Service.CENTRAL_API_SIMULATOR;
            services.put(
                    service,
                    new ServiceProcess(
                            service.module(),
                            layout.serviceJar(service.module()),
                            upstream ? uplink.controlAddress() : "127.0.0.1",
                            settings.port(service),
                            environment(service),
                            settings.logs().resolve(service.module() + ".log"),
                            settings.run().resolve(service.module() + ".pid"),
                            upstream ? uplink.launchPrefix() : List.of()));
        }
    }

    private UpstreamNamespace makeNamespace() {
        if (!settings.uplinkNamespace()) {
            notes.add("Uplink: LTSA_UPLINK=loopback, so " + fallbackUplink().description() + ".");
            return null;
        }
        return UpstreamNamespace.create(why -> notes.add(
                        "Uplink: " + why + "; instead " + fallbackUplink().description() + "."))
                .orElse(null);
    }

    private Uplink makeUplink(UpstreamNamespace upstream) {
        return upstream == null ? fallbackUplink() : upstream.addOffice(settings.port(Service.CENTRAL_API_SIMULATOR));
    }

    private SimulatorUplink fallbackUplink() {
        return new SimulatorUplink("http://127.0.0.1:" + settings.port(Service.CENTRAL_API_SIMULATOR));
    }

    private GammuSmsd makeModem() {
        if (!settings.modem()) {
            notes.add("Modem: LTSA_MODEM=off, so there is no LOCAL_SMS channel.");
            return null;
        }
        if (!GammuSchema.available()) {
            notes.add("Modem: gammu-smsd is not installed (apt-get install -y gammu-smsd), so there is no LOCAL_SMS"
                    + " channel: applicants hear nothing while the uplink is down.");
            return null;
        }
        return new GammuSmsd(
                settings.data().resolve("modem"),
                settings.logs().resolve("gammu-smsd.log"),
                "127.0.0.1",
                settings.postgresPort(),
                Service.NOTIFICATION.database(),
                settings.run().resolve("gammu-smsd.pid"));
    }

    /** Starts everything and returns once every service answers ready; on failure stops what it started. */
    public LocalStack start() {
        try {
            refuseBusyPorts();
            startAll();
            if (settings.supervised()) {
                supervisor = new Supervisor(
                                supervisionFile(), settings.logs().resolve("supervisor.log"), Clock.systemUTC())
                        .watch(supervised());
            }
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
            if (service != Service.CENTRAL_API_SIMULATOR) {
                ports.put(service.module() + " management", settings.managementPort(service));
            }
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
        if (modem != null) {
            GammuSchema.install(postgres.jdbcUrl(Service.NOTIFICATION.database()), PostgresServer.USER, "");
            modem.start();
        }
        uplink.record().write(settings.run().resolve("uplink.properties"));
        // The services connect to Kafka on their own schedule; only the database must be there before they start.
        services.values().forEach(ServiceProcess::launch);
        broker.join();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            ready.add(CompletableFuture.runAsync(() -> service.awaitReady(READY_TIMEOUT)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    /** The office server's processes, each with how to start it again. */
    private List<Supervised> supervised() {
        List<Supervised> all = new ArrayList<>();
        all.add(new Supervised("postgresql", postgres::wanted, postgres::isRunning, postgres::start));
        all.add(Supervised.of("kafka", kafka, kafka::start));
        if (modem != null) {
            all.add(Supervised.of("gammu-smsd", modem, modem::start));
        }
        services.forEach((service, process) -> {
            // the simulator stands in for upstream (central, the gateway, SMTP): not the office's to restart
            if (service != Service.CENTRAL_API_SIMULATOR) {
                all.add(Supervised.of(service.module(), process, process::launch));
            }
        });
        return all;
    }

    private Path supervisionFile() {
        return settings.run().resolve("supervision.properties");
    }

    /** The supervisor's view of each process, or empty when this stack is not supervised. */
    public List<ProcessStatus> supervision() {
        return supervisor == null ? List.of() : supervisor.statuses();
    }

    private Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port(service)));
        if (service != Service.CENTRAL_API_SIMULATOR) {
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(settings.managementPort(service)));
            // its own Kafka user (ltsa.kafka.username in its application.properties), which the broker's ACLs name
            env.put("LTSA_KAFKA_PASSWORD", kafka.credentials().orElseThrow().password(service.module()));
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // its place in its consumer groups (ADR 0008), whatever the launching shell has set
        env.put("LTSA_INSTANCE_NAME", service.module());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        env.put("LTSA_CALLBACK_SECRET", settings.callbackSecret());
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "local");
        }
        // everything upstream is reached through the uplink's address, never loopback, so a cut reaches it all
        String simulator = "http://" + uplink.upstreamAddress() + ":" + settings.port(Service.CENTRAL_API_SIMULATOR);
        switch (service) {
            case INTAKE -> {
                // the office's data disk: PostgreSQL's and Kafka's folders are under settings.data()
                env.put("LTSA_DISK_PATHS", settings.data().toAbsolutePath().toString());
                PersonalDataKeysets keysets = PersonalDataKeysets.in(settings.keys());
                env.put("LTSA_PERSONAL_DATA_KEYSET_FILE", keysets.keysetFile().toString());
                env.put(
                        "LTSA_PERSONAL_DATA_INDEX_KEYSET_FILE",
                        keysets.indexKeysetFile().toString());
            }
            case SUBMISSION -> {
                env.put("LTSA_CENTRAL_URL", simulator);
                // a second upstream host, asked when central is silent: tells a dead office uplink from a dead central
                env.put("LTSA_LINK_UPLINK_CHECK_URLS", simulator + "/gateway/v1/messages");
                env.put("LTSA_DASHBOARD_NOTIFICATION_URL", "http://127.0.0.1:" + settings.port(Service.NOTIFICATION));
                env.put(
                        "LTSA_OPS_SUPERVISION_FILE",
                        supervisionFile().toAbsolutePath().toString());
                env.put("LTSA_OFFICE_CODE", settings.officeCode());
                env.put("LTSA_HEARTBEAT_ENABLED", Boolean.toString(reportsToMinistry));
                env.put("LTSA_HEARTBEAT_INTERVAL", heartbeatInterval().toSeconds() + "s");
            }
            case NOTIFICATION -> {
                env.put("LTSA_GATEWAY_URL", simulator);
                env.put("QUARKUS_MAILER_HOST", uplink.upstreamAddress());
                env.put("QUARKUS_MAILER_PORT", Integer.toString(settings.smtpPort()));
                env.put("LTSA_MODEM_ENABLED", Boolean.toString(modem != null));
                env.put("LTSA_ALERTS_OFFICE_CODE", settings.officeCode());
                env.put(
                        "QUARKUS_HTTP_CORS_ORIGINS",
                        "http://127.0.0.1:" + settings.port(Service.SUBMISSION) + ",http://localhost:"
                                + settings.port(Service.SUBMISSION));
            }
            case CENTRAL_API_SIMULATOR -> {
                env.put("QUARKUS_HTTP_HOST", "0.0.0.0");
                env.put(
                        "LTSA_CALLBACK_URL",
                        "http://" + uplink.officeAddress() + ":" + settings.port(Service.SUBMISSION)
                                + "/api/v1/central/callbacks");
                env.put("LTSA_SMTP_HOST", "0.0.0.0");
                env.put("LTSA_SMTP_PORT", Integer.toString(settings.smtpPort()));
            }
            default -> {}
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
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(Processes.freePort()));
        // its own place in the consumer groups (group.instance.id), beside the first instance's
        env.put("LTSA_INSTANCE_NAME", service.module() + "-" + port);
        ServiceProcess another = new ServiceProcess(
                service.module() + "-" + port,
                layout.serviceJar(service.module()),
                port,
                env,
                settings.logs().resolve(service.module() + "-" + port + ".log"),
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

    /** Where a service's {@code /q/*} (health, metrics, OpenAPI) answers: its management port, on loopback. */
    public String managementUrl(Service service) {
        return services.get(service).managementUrl();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public String officeCode() {
        return settings.officeCode();
    }

    /** How often the office writes a heartbeat: the ministry can place a silence only to within this. */
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(settings.throwaway() ? 2 : 10);
    }

    /** The office's internet connection: cut it and restore it while the stack runs. */
    public Uplink uplink() {
        return uplink;
    }

    /** The office's GSM modem (Gammu SMSD), or empty when gammu-smsd is not installed or LTSA_MODEM=off. */
    public Optional<GammuSmsd> modem() {
        return Optional.ofNullable(modem);
    }

    /** What this machine could not do as asked (no namespaces, no gammu), said plainly to the person starting it. */
    public List<String> notes() {
        return List.copyOf(notes);
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

    private void closeNamespace() {
        if (ownNamespace != null) {
            ownNamespace.close();
        }
    }

    /** Stops the services first, so nothing they do on the way out finds its broker or database gone. */
    @Override
    public void close() {
        if (supervisor != null) {
            supervisor.close(); // first: what follows are stops on purpose, not deaths
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            stopping.add(CompletableFuture.runAsync(service::stop));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        if (modem != null) {
            modem.stop();
        }
        kafka.stop();
        postgres.stop();
        closeNamespace();
        try {
            java.nio.file.Files.deleteIfExists(settings.run().resolve("uplink.properties"));
        } catch (java.io.IOException e) {
            // only a hint for `ltsa uplink`, which then finds the namespace gone
        }
    }
}
