package id.ltsa.relay.drain;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One background thread that drains a durable queue (the outbox, due submissions, due notifications) whenever it is
 * woken, and keeps going until no wake-up arrived while it worked.
 *
 * <p>Written by hand because the woken work must run off the caller's thread (often a transaction's after-commit
 * callback or a Kafka consumer) and many wake-ups must collapse into one run; Quarkus' scheduler polls on a fixed
 * interval only, which would add up to a second of latency to every event.
 */
public final class DrainLoop implements AutoCloseable {

    /** One round of draining; returns normally even when it could not finish (the next wake-up retries). */
    @FunctionalInterface
    public interface Round {
        void drain() throws Exception;
    }

    private final Logger log;
    private final Round round;
    private final ExecutorService thread;
    /** Wake-ups not yet served. */
    private final AtomicInteger wakeups = new AtomicInteger();
    /** Set by {@link #close(Round, Duration)} before it queues the last round. */
    private volatile boolean closing;
    /** Set once the last round ran: a wake-up that slipped in before {@link #closing} was set runs nothing after it. */
    private volatile boolean finished;

    public DrainLoop(String name, Round round) {
        this.log = Logger.getLogger(DrainLoop.class.getName() + "." + name);
        this.round = round;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Asks for a round soon; cheap, never blocks, safe from any thread. */
    public void wake() {
        if (closing) {
            return; // the last round is queued: nothing may run after it
        }
        if (wakeups.getAndIncrement() == 0 && !thread.isShutdown()) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the durable queue is drained after the restart
            }
        }
    }

    private void run() {
        while (!finished) {
            int seen = wakeups.get();
            try {
                round.drain();
            } catch (Exception e) {
                log.warnf("Round failed, retried on the next wake-up: %s", e.toString());
            }
            if (wakeups.compareAndSet(seen, 0) || thread.isShutdown() || closing) {
                return;
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * Stops taking wake-ups and runs {@code last} on the loop's thread once the round in progress has ended (so it
     * needs no locking against the rounds), waiting at most {@code patience} for both; then interrupts whatever still
     * runs.
     */
    public void close(Round last, Duration patience) {
        closing = true;
        try {
            thread.execute(() -> {
                try {
                    last.drain();
                } catch (Exception e) {
                    log.warnf("Last round failed: %s", e.toString());
                } finally {
                    finished = true;
                }
            });
            thread.shutdown();
            thread.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException alreadyClosed) {
            // closed before: nothing to finish
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdownNow();
        }
    }
}
