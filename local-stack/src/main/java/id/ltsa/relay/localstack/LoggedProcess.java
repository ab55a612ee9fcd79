package id.ltsa.relay.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One long-running process of the stack (a service, the broker, a MirrorMaker, the modem daemon): its output appended
 * to its log behind a {@code === NAME start ===} line, its pid in a file for {@code ltsa down}, stopped politely or
 * killed with kill -9 by the tests. A daemon's "I am ready" is read from its log since the last start line.
 */
public final class LoggedProcess {

    private final String name;
    private final Path log;
    private final Path pidFile;
    private final Duration stopGrace;
    private Process process;
    // volatile: the supervisor reads it from its own thread
    private volatile boolean wanted;

    /**
     * @param pidFile where the pid is kept for {@code ltsa down}, or null
     * @param stopGrace how long a polite stop may take before kill -9
     */
    public LoggedProcess(String name, Path log, Path pidFile, Duration stopGrace) {
        this.name = name;
        this.stopGrace = stopGrace;
        this.log = log.toAbsolutePath();
        this.pidFile = pidFile == null ? null : pidFile.toAbsolutePath();
    }

    /** Starts the command without waiting for it to be ready. */
    public synchronized void start(List<String> command, Map<String, String> environment, Path directory) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, startLine() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            // glibc gives each thread that mallocs an arena of its own, up to 8 per core, and a JVM has dozens of
            // threads: two arenas cost nothing measurable here and keep tens of MiB out of every JVM's RSS
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(environment);
            process = builder.start();
            wanted = true;
            if (pidFile != null) {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, Long.toString(process.pid()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code ready} holds; fails at once, with the log's tail, if the process exits first. */
    public void await(String what, Duration timeout, BooleanSupplier ready) {
        Processes.await(what, timeout, ready, process, log);
    }

    /** Whether the log says {@code text} since the process was last started. */
    public boolean logSinceStartSays(String text) {
        try {
            String all = Files.readString(log);
            int start = all.lastIndexOf(startLine());
            return start >= 0 && all.indexOf(text, start) > start;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, then kill -9 after the stop grace. */
    public synchronized void stop() {
        wanted = false;
        Processes.stop(process, stopGrace);
        deletePidFile();
    }

    /** kill -9: no shutdown hooks, nothing in flight committed. */
    public synchronized void kill() {
        Processes.kill(process);
        deletePidFile();
    }

    private void deletePidFile() {
        try {
            if (pidFile != null) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            // a stale pid file is only a hint for `ltsa down`, which checks the process before acting
        }
    }

    private String startLine() {
        return "=== " + name + " start ===";
    }

    /** Whether it should be running: started, and not stopped since; a process that died is still wanted. */
    public boolean wanted() {
        return wanted;
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
