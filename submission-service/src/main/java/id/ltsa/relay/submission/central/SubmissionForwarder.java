package id.ltsa.relay.submission.central;

import id.ltsa.relay.drain.DrainLoop;
import id.ltsa.relay.submission.queue.SubmissionDue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;

/**
 * Sends due submissions to the central API. Woken right after a submission is queued, and every second for retries
 * that came due; one worker thread per instance, several instances share the queue through {@link DueSubmissions}.
 */
@ApplicationScoped
class SubmissionForwarder {

    private final DueSubmissions due;
    private final CentralSender sender;
    private final SubmissionOutcomes outcomes;
    private final ForwardingConfig config;
    private final DrainLoop loop = new DrainLoop("submission-forwarder", this::forwardUntilNoneDue);

    SubmissionForwarder(DueSubmissions due, CentralSender sender, SubmissionOutcomes outcomes,
            ForwardingConfig config) {
        this.due = due;
        this.sender = sender;
        this.outcomes = outcomes;
        this.config = config;
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubmissionDue queued) {
        wake();
    }

    @Scheduled(every = "${ltsa.forwarding.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.close();
    }

    void wake() {
        loop.wake();
    }

    private void forwardUntilNoneDue() throws Exception {
        List<DueSubmissions.Claimed> batch;
        do {
            batch = due.claim(config.batchSize());
            for (DueSubmissions.Claimed claimed : batch) {
                CentralOutcome outcome = sender.send(claimed.idempotencyKey(), claimed.payload());
                outcomes.record(claimed.applicationId(), claimed.revision(), outcome);
            }
        } while (batch.size() == config.batchSize() && !Thread.currentThread().isInterrupted());
    }
}
