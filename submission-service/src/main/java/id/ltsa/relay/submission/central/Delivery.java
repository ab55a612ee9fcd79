package id.ltsa.relay.submission.central;

import id.ltsa.relay.submission.link.LinkConfig;
import id.ltsa.relay.submission.queue.DueSubmissions;
import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One claimed submission sent and its outcome recorded; or, once the batch met a dead link, held for the outage. The
 * one path to the central API for an application, whether a batch sends it or the probe of a down link does.
 */
@ApplicationScoped
class Delivery {

    private final CentralSender sender;
    private final SubmissionOutcomes outcomes;
    private final ErrorStreak errors;
    private final int errorsBeforeDown;

    Delivery(CentralSender sender, SubmissionOutcomes outcomes, ErrorStreak errors, LinkConfig config) {
        this.sender = sender;
        this.outcomes = outcomes;
        this.errors = errors;
        this.errorsBeforeDown = config.errorsBeforeDown();
    }

    /**
     * @param linkFailure set by the first call that finds the link down; the rest of the batch is held
     * @return the central API's answer; empty when the submission was held for the outage instead of sent
     */
    Optional<CentralOutcome> deliver(
            DueSubmissions.Claimed claimed, AtomicReference<CentralOutcome.Failed> linkFailure) {
        CentralOutcome.Failed failure = linkFailure.get();
        if (failure != null) {
            outcomes.heldByOutage(claimed.applicationId(), claimed.revision(), failure.error());
            return Optional.empty();
        }
        // the office's trace, kept with the row through any outage: the central call and the status it leads to join it
        try (Scope trace = TraceParent.resume(claimed.traceparent())) {
            CentralOutcome outcome = sender.send(claimed.idempotencyKey(), claimed.payload());
            if (outcome instanceof CentralOutcome.Failed failed) {
                if (failed.linkProblem() || errors.errorAnswered() >= errorsBeforeDown) {
                    linkFailure.compareAndSet(null, failed);
                }
            } else {
                errors.otherAnswer();
            }
            // the usual outcome in one statement; anything unusual (amended, withdrawn meanwhile) the long way
            if (!(outcome instanceof CentralOutcome.Accepted accepted
                    && outcomes.acceptedAsClaimed(claimed, accepted.centralReference()))) {
                outcomes.record(claimed.applicationId(), claimed.revision(), outcome);
            }
            return Optional.of(outcome);
        }
    }

    /** One submission sent on its own, as the probe of a down link: the same trace, streak and recording as a batch. */
    CentralOutcome deliverAlone(DueSubmissions.Claimed claimed) {
        return deliver(claimed, new AtomicReference<>()).orElseThrow();
    }
}
