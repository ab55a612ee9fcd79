package id.ltsa.relay.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** Small process and port chores shared by the broker, the database and the services. */
public final class Processes {

    private static final int LOW_PORT = 20000;
    private static final int LOW_PORTS = 12000;
    private static final AtomicInteger nextPort = new AtomicInteger(new Random().nextInt(LOW_PORTS));

    private Processes() {}

    /** Runs a command to completion, its output appended to {@code log}; fails with the log's tail otherwise. */
    public static void run(List<String> command, Path log, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command) + "\n" + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "Failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A port nothing listens on, below the kernel's ephemeral range (32768–60999 on Linux). A port the kernel hands
     * out for {@code bind(0)} sits in that range, so between our check and the service's bind an outgoing connection
     * (a Kafka client, a JDBC pool) could take it: a fleet test once lost a service to "Address already in use" that
     * way. Ports are handed out in turn from a random start so that two stacks in one JVM never get the same one.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < LOW_PORTS; attempt++) {
            int port = LOW_PORT + Math.floorMod(nextPort.getAndIncrement(), LOW_PORTS);
            if (canBind(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOW_PORT + " and " + (LOW_PORT + LOW_PORTS));
    }

    private static boolean canBind(int port) {
        // The wildcard address: a service bound to 0.0.0.0 or to 127.0.0.1 would both make this fail.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isListening(int port) {
        return isListening("127.0.0.1", port);
    }

    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits for something outside this JVM to become true, polling because the other process has no way to call us
     * back; gives up at once if that process dies, and shows the end of its log either way.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Process process, Path log) {
        try {
            Awaitility.await(what)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast(what + ": process exited", () -> process != null && !process.isAlive())
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(what + ": not ready after " + timeout + "\n" + tail(log), e);
        } catch (TerminalFailureException e) {
            throw new IllegalStateException(
                    what + ": process exited with " + process.exitValue() + "\n" + tail(log), e);
        }
    }

    static String tail(Path log) {
        try {
            if (log == null || !Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The JVM options of the broker and MirrorMaker processes, for a 2-core office server running the whole stack.
     * The heap starts small and grows only as the process needs it: by default the JVM commits a 64th of the
     * machine's memory up front and the serial collector's eden then touches all of it (on this 24 GiB machine, the
     * whole {@code -Xmx}), which is RSS the process never needed. C1 only and one compiler thread keep the code cache
     * and the compile CPU small. Without the performance counters ({@code -XX:-UsePerfData}, which only jps and jstat
     * read; jcmd and JFR attach by pid all the same) the JVM no longer samples them into a file in /tmp twenty times a
     * second: about 1 ms of CPU a second per idle JVM (docs/benchmarks.md, CPU per application: idle).
     */
    public static List<String> smallJvm(String maxHeap) {
        return List.of(
                "-Xms16m",
                "-Xmx" + maxHeap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-XX:CICompilerCount=1",
                "-XX:-UsePerfData");
    }

    /** Stops a process politely, then forcibly if it takes longer than {@code grace}. */
    public static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, no goodbye: what a power cut or the OOM killer does. */
    public static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
