package id.ltsa.relay.localstack.mirror;

import id.ltsa.relay.localstack.KafkaLogging;
import id.ltsa.relay.localstack.LoggedProcess;
import id.ltsa.relay.localstack.Processes;
import id.ltsa.relay.localstack.ProjectLayout;
import id.ltsa.relay.localstack.StackProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One MirrorMaker 2 process in dedicated mode: Apache Kafka's own {@code org.apache.kafka.connect.mirror.MirrorMaker}
 * from the connect-mirror jars of Maven Central, in a JVM of its own so a test can kill -9 it and start it again. It
 * keeps its state in Kafka (the target cluster's mm2-offsets, mm2-configs and mm2-status topics), so a restart resumes
 * where the last one stopped.
 */
public final class MirrorMaker2 implements StackProcess {

    private static final String STARTED = "Kafka MirrorMaker started";

    private final String name;
    private final Path home;
    private final String targetCluster;
    private final Properties config;
    private final String heap;
    private final List<String> launchPrefix;
    private final LoggedProcess process;

    /**
     * @param targetCluster the alias given to {@code --clusters}: only the flows into it run here
     * @param launchPrefix e.g. {@code ip netns exec NAME} to run it upstream, at the ministry
     */
    public MirrorMaker2(
            String name,
            Path home,
            Path log,
            Path pidFile,
            String targetCluster,
            Properties config,
            String heap,
            List<String> launchPrefix) {
        this.name = name;
        this.home = home.toAbsolutePath();
        this.targetCluster = targetCluster;
        this.config = config;
        this.heap = heap;
        this.launchPrefix = List.copyOf(launchPrefix);
        this.process = new LoggedProcess(name, log, pidFile, Duration.ofSeconds(30));
    }

    /** Starts the process and waits until MirrorMaker says it started its flows (it needs its target cluster up). */
    public synchronized void start() {
        try {
            Files.createDirectories(home);
            Path properties = home.resolve("mm2.properties");
            try (Writer out = Files.newBufferedWriter(properties)) {
                config.store(out, name + " (written by the local stack at each start)");
            }
            Path logConfig = home.resolve("log4j2.properties");
            Files.writeString(
                    logConfig,
                    KafkaLogging.configuration(
                            // MirrorMaker says when it started; an unreachable source (an office behind a cut uplink)
                            // says
                            // so at WARN once per retry, which is the fleet's normal state, not news
                            Map.of(
                                    "org.apache.kafka.connect.mirror.MirrorMaker",
                                    "info",
                                    "org.apache.kafka.clients",
                                    "error")));
            List<String> command = new ArrayList<>(launchPrefix);
            command.add(Processes.javaExecutable());
            command.addAll(Processes.smallJvm(heap));
            command.addAll(List.of(
                    "-Dlog4j2.configurationFile=" + logConfig,
                    "-cp",
                    ProjectLayout.detect().kafkaLib() + "/*",
                    // the file first: --clusters takes one or more aliases and would swallow it
                    "org.apache.kafka.connect.mirror.MirrorMaker",
                    properties.toString(),
                    "--clusters",
                    targetCluster));
            process.start(command, Map.of(), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process.await(name, Duration.ofSeconds(120), () -> process.logSinceStartSays(STARTED));
    }

    @Override
    public LoggedProcess process() {
        return process;
    }
}
