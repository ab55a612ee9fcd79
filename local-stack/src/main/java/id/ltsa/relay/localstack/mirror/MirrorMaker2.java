package id.ltsa.relay.localstack.mirror;

import id.ltsa.relay.localstack.Processes;
import id.ltsa.relay.localstack.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One MirrorMaker 2 process in dedicated mode: Apache Kafka's own {@code org.apache.kafka.connect.mirror.MirrorMaker}
 * from the connect-mirror jars of Maven Central, in a JVM of its own so a test can kill -9 it and start it again. It
 * keeps its state in Kafka (the target cluster's mm2-offsets, mm2-configs and mm2-status topics), so a restart resumes
 * where the last one stopped.
 */
public final class MirrorMaker2 {

    private static final String STARTED = "Kafka MirrorMaker started";

    private final String name;
    private final Path home;
    private final Path log;
    private final Path pidFile;
    private final String targetCluster;
    private final Properties config;
    private final String heap;
    private final List<String> launchPrefix;
    private Process process;

    /**
     * @param targetCluster the alias given to {@code --clusters}: only the flows into it run here
     * @param launchPrefix e.g. {@code ip netns exec NAME} to run it upstream, at the ministry
     */
    public MirrorMaker2(String name, Path home, Path log, Path pidFile, String targetCluster, Properties config,
            String heap, List<String> launchPrefix) {
        this.name = name;
        this.home = home.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.pidFile = pidFile.toAbsolutePath();
        this.targetCluster = targetCluster;
        this.config = config;
        this.heap = heap;
        this.launchPrefix = List.copyOf(launchPrefix);
    }

    /** Starts the process and waits until MirrorMaker says it started its flows (it needs its target cluster up). */
    public synchronized void start() {
        launch();
        Processes.await(name, Duration.ofSeconds(120), this::logSaysStarted, process, log);
    }

    private void launch() {
        try {
            Files.createDirectories(home);
            Files.createDirectories(log.getParent());
            Path properties = home.resolve("mm2.properties");
            try (Writer out = Files.newBufferedWriter(properties)) {
                config.store(out, name + " (written by the local stack at each start)");
            }
            writeLogConfiguration();
            Files.writeString(log, "=== " + name + " start ===\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> command = new ArrayList<>(launchPrefix);
            command.addAll(List.of(Processes.javaExecutable(), "-Xmx" + heap, "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:CICompilerCount=1",
                    "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                    "-cp", ProjectLayout.detect().kafkaLib() + "/*",
                    // the file first: --clusters takes one or more aliases and would swallow it
                    "org.apache.kafka.connect.mirror.MirrorMaker", properties.toString(), "--clusters",
                    targetCluster));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLogConfiguration() throws IOException {
        Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.mm2.name = org.apache.kafka.connect.mirror.MirrorMaker",
                "logger.mm2.level = info",
                // a source that is unreachable (an office behind a cut uplink) says so, once per retry, at WARN
                "logger.clients.name = org.apache.kafka.clients",
                "logger.clients.level = error",
                ""));
    }

    private boolean logSaysStarted() {
        try {
            String text = Files.readString(log);
            return text.lastIndexOf(STARTED) > text.lastIndexOf("=== " + name + " start ===");
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks it to stop, as an operator would. */
    public synchronized void stop() {
        Processes.stop(process, Duration.ofSeconds(30));
        deletePidFile();
    }

    /** kill -9: whatever was in flight is neither committed nor offset-stored. */
    public synchronized void kill() {
        Processes.kill(process);
        deletePidFile();
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is only a hint for `ltsa down`, which checks the process before acting
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public Path log() {
        return log;
    }
}
