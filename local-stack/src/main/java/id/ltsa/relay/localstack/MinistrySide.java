package id.ltsa.relay.localstack;

import id.ltsa.relay.localstack.mirror.MirrorConfigs;
import id.ltsa.relay.localstack.mirror.MirrorMaker2;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The ministry side of a local fleet, its own deployable: a PostgreSQL with ministry-watch's database, the ministry's
 * Kafka broker, MirrorMaker 2 pulling every office's status and link events and heartbeats through that office's
 * uplink, and ministry-watch. All of it runs upstream (inside the upstream namespace when there is one), so cutting an
 * office's uplink silences that office at the ministry exactly as a dead ISP would.
 */
public final class MinistrySide implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    public static final String DATABASE = "ministry";

    private final MinistrySettings settings;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final MirrorMaker2 mirrorMaker;
    private final ServiceProcess watch;

    /**
     * @param host where the ministry's processes answer (the upstream namespace's control address, or loopback)
     * @param launchPrefix what runs a process upstream
     * @param offices office code to where MirrorMaker 2 reaches that office's broker, through its uplink
     * @param smtp host:port of an SMTP server the ministry reaches (the simulator's sink), for escalation emails
     * @param officeKafka the offices' Kafka users: MirrorMaker 2 logs in to each as {@code mirror-maker} (one set of
     *     credentials for a whole local fleet; a real ministry holds each office's own)
     */
    MinistrySide(
            MinistrySettings settings,
            String host,
            List<String> launchPrefix,
            Map<String, String> offices,
            String smtp,
            DevKeys keys,
            KafkaCredentials officeKafka) {
        this.settings = settings;
        this.postgres = new PostgresServer(
                settings.data().resolve("postgres"),
                settings.logs().resolve("postgres.log"),
                host,
                settings.postgresPort(),
                settings.throwaway(),
                launchPrefix);
        this.kafka = KafkaBroker.upstream(
                settings.data().resolve("kafka"),
                settings.logs().resolve("kafka.log"),
                host,
                settings.kafkaPort(),
                settings.kafkaControllerPort(),
                settings.throwaway() ? "256m" : "320m",
                launchPrefix);
        int refreshSeconds = settings.throwaway() ? 2 : 10;
        this.mirrorMaker = new MirrorMaker2(
                "mirror-maker",
                settings.data().resolve("mirror-maker"),
                settings.logs().resolve("mirror-maker.log"),
                settings.run().resolve("mirror-maker.pid"),
                MirrorConfigs.MINISTRY,
                MirrorConfigs.ministry(
                        kafka.bootstrapServers(),
                        new LinkedHashMap<>(offices),
                        officeKafka.clientSecurity(KafkaCredentials.MIRROR_MAKER),
                        "http://" + host + ":" + settings.mirrorMakerRestPort(),
                        refreshSeconds),
                "256m",
                launchPrefix);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "0.0.0.0");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.watchPort()));
        // upstream, in its own namespace: the local stack asks its health from this machine's side of the veth
        env.put("QUARKUS_MANAGEMENT_HOST", "0.0.0.0");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(settings.watchManagementPort()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "local");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        String[] smtpParts = smtp.split(":");
        env.put("QUARKUS_MAILER_HOST", smtpParts[0]);
        env.put("QUARKUS_MAILER_PORT", smtpParts[1]);
        env.putAll(settings.environment());
        this.watch = new ServiceProcess(
                "ministry-watch",
                ProjectLayout.detect().serviceJar("ministry-watch"),
                host,
                settings.watchPort(),
                env,
                settings.logs().resolve("ministry-watch.log"),
                settings.run().resolve("ministry-watch.pid"),
                launchPrefix);
    }

    /** Starts the ministry's database and broker, then MirrorMaker 2 and ministry-watch; offices may still be away. */
    void start() {
        CompletableFuture<Void> broker = CompletableFuture.runAsync(kafka::start);
        postgres.start();
        postgres.createDatabaseIfMissing(DATABASE);
        watch.launch();
        broker.join();
        // MirrorMaker 2 stops at once if its target cluster is away, never if a source office is
        CompletableFuture<Void> mirror = CompletableFuture.runAsync(mirrorMaker::start);
        watch.awaitReady(READY_TIMEOUT);
        mirror.join();
    }

    public String watchUrl() {
        return watch.url();
    }

    public ServiceProcess watch() {
        return watch;
    }

    public MirrorMaker2 mirrorMaker() {
        return mirrorMaker;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MinistrySettings settings() {
        return settings;
    }

    @Override
    public void close() {
        watch.stop();
        mirrorMaker.stop();
        kafka.stop();
        postgres.stop();
    }
}
