package id.ltsa.relay.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) run from the jars of Maven
 * Central's Apache Kafka artifacts, as a separate JVM so tests can stop it, kill it and start it again.
 */
public final class KafkaBroker {

    private final Path home;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private Process process;

    public KafkaBroker(Path home, Path log, int port, int controllerPort, String heap) {
        this.home = home.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(log.getParent());
            writeConfiguration();
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                format();
            }
            List<String> command = java("kafka.Kafka", home.resolve("server.properties").toString());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.await("Kafka broker on port " + port, Duration.ofSeconds(90),
                () -> Processes.isListening(port) && logSaysStarted(), process, log);
    }

    private boolean logSaysStarted() {
        try {
            return Files.readString(log).lastIndexOf("Kafka Server started") > lastStartMarker();
        } catch (IOException e) {
            return false;
        }
    }

    private int lastStartMarker() throws IOException {
        return Files.readString(log).lastIndexOf("=== LTSA broker start ===");
    }

    private void writeConfiguration() throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
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
                "");
        Files.writeString(home.resolve("server.properties"), config);
        Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                ""));
        Files.writeString(log, "=== LTSA broker start ===\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void format() {
        String clusterId;
        do {
            // a leading '-' would be read as an option by the storage tool (Kafka's own Uuid avoids it the same way)
            clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
        } while (clusterId.startsWith("-"));
        Processes.run(java("kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId, "-c",
                home.resolve("server.properties").toString()), log, Duration.ofSeconds(120));
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", ProjectLayout.detect().kafkaLib() + "/*",
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Controlled shutdown, as an operator would do it. */
    public synchronized void stop() {
        Processes.stop(process, Duration.ofSeconds(30));
    }

    /** kill -9. */
    public synchronized void kill() {
        Processes.kill(process);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }
}
