package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Moves a submission to a new status and announces it on {@code ltsa.application-status} through the outbox, in the
 * caller's transaction: the status and its event exist together or not at all.
 */
@ApplicationScoped
public class StatusPublisher {

    private final Outbox outbox;
    private final Clock clock;

    StatusPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void transition(Submission submission, ApplicationStatus status, String reason) {
        ApplicationStatus previous = submission.status;
        submission.status = status;
        submission.updatedAt = clock.instant();
        outbox.append(submission.applicationId.toString(), new ApplicationStatusChanged(
                submission.applicationId, submission.trackingCode, submission.officeCode, status, previous, reason,
                submission.centralReference, submission.attempts,
                status.isPending() ? submission.nextAttemptAt : null,
                submission.revision, submission.episode, submission.updatedAt));
    }
}
