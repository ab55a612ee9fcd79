package id.ltsa.relay.localstack.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What `ltsa up` does when one of the office server's processes dies: it starts it again, as compose's
 * {@code restart: unless-stopped} would, after a {@link RestartBackoff}; each restart is counted, said on the
 * console, appended to {@code supervisor.log} and written to {@code supervision.properties}, which the ops dashboard
 * shows (see {@link SupervisionFile}). A process stopped on purpose stays stopped.
 *
 * <p>Hand-written because nothing on Maven Central supervises OS processes; on an installed office server systemd does
 * this job instead ({@code deploy/systemd}). It looks once a second: a dead process is noticed within a second, and
 * the looking costs the launcher nothing measurable.
 */
public final class Supervisor implements AutoCloseable {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration CEILING = Duration.ofSeconds(60);
    static final Duration HEALTHY_AFTER = Duration.ofSeconds(60);

    private final Path statusFile;
    private final Path log;
    private final Clock clock;
    private final List<Watched> watched = new ArrayList<>();
    private final ScheduledExecutorService looking;
    // restarts run apart from the looking: a broker's start waits for it to be ready, and must not delay noticing
    // that another process died meanwhile
    private final ExecutorService restarting;

    /**
     * @param statusFile where the counts are written for the ops dashboard
     * @param log where each death and restart is appended
     */
    public Supervisor(Path statusFile, Path log, Clock clock) {
        this.statusFile = statusFile;
        this.log = log;
        this.clock = clock;
        this.looking = Executors.newSingleThreadScheduledExecutor(daemon("ltsa-supervisor"));
        this.restarting = Executors.newCachedThreadPool(daemon("ltsa-restart"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Watches these processes from now on; call once, after they have all started. */
    public synchronized Supervisor watch(List<Supervised> processes) {
        Instant now = clock.instant();
        processes.forEach(process -> watched.add(new Watched(process, now)));
        writeStatus();
        looking.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private synchronized void look() {
        Instant now = clock.instant();
        boolean changed = false;
        for (Watched process : watched) {
            changed |= process.look(now);
        }
        if (changed) {
            writeStatus();
        }
    }

    /** Everything about one watched process, guarded by the supervisor's lock. */
    private final class Watched {
        final Supervised process;
        final RestartBackoff backoff = new RestartBackoff(FIRST_DELAY, CEILING, HEALTHY_AFTER);
        ProcessStatus.State state = ProcessStatus.State.RUNNING;
        int restarts;
        Instant upSince;
        Instant lastDownAt;
        Instant lastRestartAt;
        Instant nextAttemptAt;

        Watched(Supervised process, Instant now) {
            this.process = process;
            this.upSince = now;
        }

        /** Returns whether anything worth writing down changed. */
        boolean look(Instant now) {
            if (state == ProcessStatus.State.RESTARTING) {
                return false;
            }
            if (!process.wanted().getAsBoolean()) {
                boolean changed = state != ProcessStatus.State.STOPPED;
                state = ProcessStatus.State.STOPPED;
                return changed;
            }
            if (process.alive().getAsBoolean()) {
                backoff.upFor(Duration.between(upSince, now));
                boolean changed = state != ProcessStatus.State.RUNNING;
                state = ProcessStatus.State.RUNNING;
                return changed;
            }
            if (state != ProcessStatus.State.WAITING) {
                Duration delay = backoff.nextDelay();
                nextAttemptAt = now.plus(delay);
                lastDownAt = now;
                state = ProcessStatus.State.WAITING;
                say(process.name() + " is not running; restart " + (restarts + 1) + " in " + delay.toSeconds() + " s");
                return true;
            }
            if (now.isBefore(nextAttemptAt)) {
                return false;
            }
            state = ProcessStatus.State.RESTARTING;
            restarts++;
            lastRestartAt = now;
            restarting.execute(this::restart);
            return true;
        }

        private void restart() {
            boolean started;
            try {
                process.restart().run();
                started = true;
            } catch (RuntimeException e) {
                say(process.name() + " did not start again: " + e.getMessage());
                started = false;
            }
            synchronized (Supervisor.this) {
                upSince = clock.instant();
                // a failed start is another death: the next look finds it down and waits longer
                state = ProcessStatus.State.RUNNING;
                if (started) {
                    say(process.name() + " restarted (restart " + restarts + ")");
                }
                writeStatus();
            }
        }

        ProcessStatus status() {
            return new ProcessStatus(
                    process.name(),
                    state,
                    restarts,
                    lastDownAt,
                    lastRestartAt,
                    state == ProcessStatus.State.WAITING ? nextAttemptAt : null);
        }
    }

    /** The current state of every watched process. */
    public synchronized List<ProcessStatus> statuses() {
        return watched.stream().map(Watched::status).toList();
    }

    private void writeStatus() {
        SupervisionFile.write(statusFile, statuses(), clock.instant());
    }

    private void say(String what) {
        String line = clock.instant() + " supervisor: " + what;
        System.out.println(line);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops watching, before the stack stops its processes on purpose; a restart under way is interrupted. */
    @Override
    public void close() {
        looking.shutdownNow();
        restarting.shutdownNow();
        try {
            restarting.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
