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

    private final DueSubmissions due;
    private final Delivery delivery;
    private final CentralLink link;
    private final LinkProbe probe;
    private final ForwardingConfig config;
    private final DrainLoop loop = new DrainLoop("submission-forwarder", this::round);
    private final ExecutorService calls;
    private final Pacer pacer;

    SubmissionForwarder(
            DueSubmissions due, Delivery delivery, CentralLink link, LinkProbe probe, ForwardingConfig config) {
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
        loop.wake();
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.close();
        calls.shutdownNow();
    }

    private void round() throws Exception {
        LinkStatus status = link.current();
        if (status.paused()) {
            return;
        }
        if (status.isDown()) {
            probe.probeDownLink(status);
            return;
        }
        List<DueSubmissions.Claimed> batch;
        do {
            batch = due.claim(config.batchSize());
            if (!sendAll(batch)) {
                return;
            }
        } while (batch.size() == config.batchSize() && !Thread.currentThread().isInterrupted());
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
