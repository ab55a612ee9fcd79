package id.ltsa.relay.submission.central;

import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** One claimed submission sent and its outcome recorded; or, once the batch met a dead link, held for the outage. */
@ApplicationScoped
class Delivery {

    private final CentralSender sender;
    private final SubmissionOutcomes outcomes;

    Delivery(CentralSender sender, SubmissionOutcomes outcomes) {
        this.sender = sender;
        this.outcomes = outcomes;
    }

    void deliver(DueSubmissions.Claimed claimed, AtomicReference<String> linkFailure) {
        String failure = linkFailure.get();
        if (failure != null) {
            outcomes.heldByOutage(claimed.applicationId(), claimed.revision(), failure);
            return;
        }
        // the office's trace, kept with the row through any outage: the central call and the status it leads to join it
        try (Scope trace = TraceParent.resume(claimed.traceparent())) {
            CentralOutcome outcome = sender.send(claimed.idempotencyKey(), claimed.payload());
            if (outcome instanceof CentralOutcome.Failed failed && failed.linkProblem()) {
                linkFailure.compareAndSet(null, failed.error());
            }
            outcomes.record(claimed.applicationId(), claimed.revision(), outcome);
        }
    }
}
