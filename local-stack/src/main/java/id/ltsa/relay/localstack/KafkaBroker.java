package id.ltsa.relay.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) run from the jars of Maven
 * Central's Apache Kafka artifacts, as a separate JVM so tests can stop it, kill it and start it again.
 *
 * <p>An office's broker answers its own services on loopback and, when the office has an uplink, the ministry's
 * MirrorMaker 2 on a second listener (UPLINK) at the office end of that uplink, so a cut uplink silences it. The
 * ministry's broker runs upstream ({@link #upstream}).
 *
 * <p>With {@link #withCredentials} (every office broker) no one gets in without a password: clients log in with
 * SASL/SCRAM-SHA-512 on both listeners, the controller listener with SASL/PLAIN (KRaft keeps SCRAM users in its
 * metadata, which the controller cannot read before it runs), and KRaft's StandardAuthorizer allows only what
 * {@link KafkaAccessControl} grants, which {@link #start} applies.
 */
public final class KafkaBroker implements StackProcess {

    private final Path home;
    private final Path log;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final List<String> launchPrefix;
    private String uplinkHost;
    private int uplinkPort;
    private KafkaCredentials credentials;
    private final LoggedProcess process;

    public KafkaBroker(Path home, Path log, int port, int controllerPort, String heap) {
        this(home, log, "127.0.0.1", port, controllerPort, heap, List.of());
    }

    private KafkaBroker(
            Path home, Path log, String host, int port, int controllerPort, String heap, List<String> launchPrefix) {
        this.home = home.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.launchPrefix = List.copyOf(launchPrefix);
        this.process = new LoggedProcess("kafka", this.log, null, Duration.ofSeconds(30));
    }

    /** A broker started with {@code launchPrefix} (inside the upstream namespace), answering on {@code host}. */
    public static KafkaBroker upstream(
            Path home, Path log, String host, int port, int controllerPort, String heap, List<String> launchPrefix) {
        return new KafkaBroker(home, log, host, port, controllerPort, heap, launchPrefix);
    }

    /** Also answers on {@code host:port}, the office end of its uplink, for the ministry's MirrorMaker 2. */
    public synchronized KafkaBroker withUplinkListener(String host, int port) {
        this.uplinkHost = host;
        this.uplinkPort = port;
        return this;
    }

    /** Logins and ACLs from {@code credentials}; without, the broker is open (the ministry's, for now). */
    public synchronized KafkaBroker withCredentials(KafkaCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /** The broker's users and ACLs, or empty when it is open. */
    public synchronized Optional<KafkaCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** What a client needs to reach this broker as {@code user}: bootstrap servers and, if it is closed, a login. */
    public synchronized Map<String, Object> clientConfig(String user) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers());
        if (credentials != null) {
            config.putAll(credentials.clientSecurity(user));
        }
        return config;
    }

    /** As {@link #clientConfig} for the broker's {@code admin}, who may do anything: for tests and setup. */
    public Map<String, Object> adminConfig() {
        return clientConfig(KafkaCredentials.ADMIN);
    }

    public synchronized void start() {
        try {
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(log.getParent());
            writeConfiguration();
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                format();
            }
            List<String> command = new ArrayList<>(launchPrefix);
            command.addAll(java("kafka.Kafka", home.resolve("server.properties").toString()));
            process.start(command, Map.of(), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process.await(
                "Kafka broker on port " + port,
                Duration.ofSeconds(90),
                () -> Processes.isListening(host, port) && process.logSinceStartSays("Kafka Server started"));
        if (credentials != null) {
            KafkaAccessControl.apply(bootstrapServers(), credentials);
        }
    }

    private void writeConfiguration() throws IOException {
        String uplink = uplinkHost == null ? "" : ",UPLINK://" + uplinkHost + ":" + uplinkPort;
        String config = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + host + ":" + controllerPort,
                "listeners=CLIENTS://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort + uplink,
                "advertised.listeners=CLIENTS://" + host + ":" + port + uplink,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENTS",
                security(),
                "log.dirs=" + home.resolve("data"),
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // a two-week outage must not age events out of the topics
                "log.retention.hours=2160",
                // and by size too, so a flood cannot fill the office's disk: 512 MiB per partition is years of an
                // office's events (about 1 KiB each); deleted a 64 MiB segment at a time, oldest first
                "log.retention.bytes=536870912",
                "log.segment.bytes=67108864",
                // A single node acknowledges from its page cache, and has no replica to recover from: a power cut
                // would take records it had acknowledged (and whose outbox rows are gone). So every batch is on disk
                // before it is acknowledged; docs/benchmarks.md has the cost.
                "log.flush.interval.messages=1",
                // the log cleaner allocates its whole dedupe buffer on the heap at start (128 MiB by default); what
                // it compacts here (consumer offsets, MirrorMaker's offsets and configs) is a few thousand keys
                "log.cleaner.dedupe.buffer.size=8388608",
                // an office's broker serves a handful of clients: one network thread per listener and two request
                // handlers instead of three and eight. Each idle one wakes about three times a second to look for work
                // (docs/benchmarks.md, CPU per application: idle)
                "num.network.threads=1",
                "num.io.threads=2",
                "");
        Path file = home.resolve("server.properties");
        Files.writeString(file, config);
        if (credentials != null) {
            // it holds the admin's password
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(
                home.resolve("log4j2.properties"),
                KafkaLogging.configuration(Map.of("kafka.server.KafkaRaftServer", "info")));
    }

    /** The listeners' protocols and, for a closed broker, its logins and authorizer. */
    private String security() {
        if (credentials == null) {
            return "listener.security.protocol.map=CLIENTS:PLAINTEXT,CONTROLLER:PLAINTEXT,UPLINK:PLAINTEXT";
        }
        String admin = KafkaCredentials.ADMIN;
        String password = credentials.password(admin);
        return String.join(
                "\n",
                "listener.security.protocol.map=CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,UPLINK:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + KafkaCredentials.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaCredentials.MECHANISM,
                "listener.name.clients.scram-sha-512.sasl.jaas.config=" + KafkaCredentials.scramLogin(admin, password),
                // the uplink listener checks SCRAM logins too (its users are in the metadata): an empty JAAS entry
                "listener.name.uplink.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                // the controller cannot read SCRAM users before it runs: PLAIN, with its one user in the file
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                        + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + admin,
                "allow.everyone.if.no.acl.found=false");
    }

    private void format() {
        String clusterId;
        do {
            // a leading '-' would be read as an option by the storage tool (Kafka's own Uuid avoids it the same way)
            clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
        } while (clusterId.startsWith("-"));
        List<String> command = java(
                "kafka.tools.StorageTool",
                "format",
                "--standalone",
                "-t",
                clusterId,
                "-c",
                home.resolve("server.properties").toString());
        if (credentials != null) {
            // the broker logs in to itself as admin: its SCRAM user must be in the metadata from the first start
            command.addAll(List.of(
                    "--add-scram",
                    KafkaCredentials.MECHANISM + "=[name=" + KafkaCredentials.ADMIN + ",password="
                            + credentials.password(KafkaCredentials.ADMIN) + "]"));
        }
        Processes.run(command, log, Duration.ofSeconds(120));
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable()));
        command.addAll(Processes.smallJvm(heap));
        command.addAll(List.of(
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp",
                ProjectLayout.detect().kafkaLib() + "/*",
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** Where the ministry's MirrorMaker 2 reaches this broker, through the office's uplink. */
    public String uplinkBootstrapServers() {
        if (uplinkHost == null) {
            throw new IllegalStateException("this broker has no uplink listener");
        }
        return uplinkHost + ":" + uplinkPort;
    }

    @Override
    public LoggedProcess process() {
        return process;
    }
}
