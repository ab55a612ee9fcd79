package id.ltsa.relay.submission.central;

import id.ltsa.relay.drain.DrainLoop;
import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.LinkRestored;
import id.ltsa.relay.submission.link.LinkStatus;
import id.ltsa.relay.submission.queue.DueSubmissions;
import id.ltsa.relay.submission.queue.SubmissionDue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends due submissions to the central API: oldest first and fair across offices, at most {@code max-rate} per
 * second with {@code parallelism} calls in flight. When a call finds the link dead, the round stops, the link is
 * marked DOWN and the rest of the batch waits for the probe to see it back (see {@link LinkProbe}).
 */
@ApplicationScoped
class SubmissionForwarder {

    /** Looks at least this often: for submissions made due by another instance, which wakes this one by no event. */
    private static final Duration LOOK_AT_LEAST_EVERY = Duration.ofSeconds(10);

    private final DueSubmissions due;
    private final Delivery delivery;
    private final CentralLink link;
    private final LinkProbe probe;
    private final ForwardingConfig config;
    private final DrainLoop loop = new DrainLoop("submission-forwarder", this::round);
    private final ExecutorService calls;
    private final Pacer pacer;
    private final Clock clock;
    /**
     * When the earliest pending submission is due, as the last round that found none due read it ({@link Instant#MAX}
     * with none pending); null when not known. Until then, with the link up, the poll starts no round: an idle office
     * claimed nothing from its database every second (the performance issue: idle). A new submission, the link coming
     * back and any round that sent something start a round themselves; a link found down or paused here forgets the
     * last read of its state, and the poll then rounds every time again, which is how a down link is probed.
     */
    private volatile Instant nextDue;

    private volatile Instant lastLook = Instant.MIN;

    SubmissionForwarder(
            DueSubmissions due,
            Delivery delivery,
            CentralLink link,
            LinkProbe probe,
            ForwardingConfig config,
            Clock clock) {
        this.clock = clock;
        this.due = due;
        this.delivery = delivery;
        this.link = link;
        this.probe = probe;
        this.config = config;
        this.calls = Executors.newFixedThreadPool(config.parallelism());
        this.pacer = new Pacer(config.maxRate());
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubmissionDue queued) {
        loop.wake();
    }

    void onLinkRestored(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkRestored restored) {
        loop.wake();
    }

    @Scheduled(every = "${ltsa.forwarding.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        Instant now = clock.instant();
        Instant dueAt = nextDue;
        LinkStatus known = link.lastRead();
        boolean nothingToDo = dueAt != null
                && now.isBefore(dueAt)
                // a change made by another instance (a pause, the link found down) is seen at the next look
                && now.isBefore(lastLook.plus(LOOK_AT_LEAST_EVERY))
                && known != null
                && !known.paused()
                && !known.isDown();
        if (!nothingToDo) {
            loop.wake();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.close();
        calls.shutdownNow();
    }

    private void round() throws Exception {
        nextDue = null;
        LinkStatus status = link.current();
        if (status.paused()) {
            return;
        }
        if (status.isDown()) {
            probe.probeDownLink(status);
            return;
        }
        Instant now = clock.instant();
        List<DueSubmissions.Claimed> batch = due.claim(config.batchSize());
        if (batch.isEmpty()) {
            // known only when nothing was due: a round that sent something may have set retries (and costs no
            // extra query under load); the next poll's round, finding nothing due, reads it
            nextDue = due.earliestPending().orElse(Instant.MAX);
            lastLook = now;
            return;
        }
        while (sendAll(batch)
                && batch.size() == config.batchSize()
                && !Thread.currentThread().isInterrupted()) {
            batch = due.claim(config.batchSize());
        }
    }

    /** @return false when the link went down during the batch */
    private boolean sendAll(List<DueSubmissions.Claimed> batch) throws Exception {
        AtomicReference<CentralOutcome.Failed> linkFailure = new AtomicReference<>();
        List<Future<?>> sent = new ArrayList<>();
        for (DueSubmissions.Claimed claimed : batch) {
            if (linkFailure.get() == null) {
                pacer.awaitSlot();
            }
            sent.add(calls.submit(() -> delivery.deliver(claimed, linkFailure)));
        }
        for (Future<?> call : sent) {
            call.get();
        }
        if (linkFailure.get() != null) {
            probe.linkFailed(linkFailure.get());
            return false;
        }
        return true;
    }
}
