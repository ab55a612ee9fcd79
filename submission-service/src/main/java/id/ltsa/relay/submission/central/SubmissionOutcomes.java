package id.ltsa.relay.submission.central;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.submission.queue.StatusPublisher;
import id.ltsa.relay.submission.queue.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Records what a call to the central API came to, and announces the status it leads to. */
@ApplicationScoped
class SubmissionOutcomes {

    private final StatusPublisher status;
    private final ForwardingConfig config;
    private final Clock clock;

    SubmissionOutcomes(StatusPublisher status, ForwardingConfig config, Clock clock) {
        this.status = status;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void record(UUID applicationId, int revision, CentralOutcome outcome) {
        Submission submission = Submission.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || submission.revision != revision || !submission.status.isPending()) {
            return; // amended or withdrawn while the call was in flight: this answer is about the past
        }
        submission.attempts++;
        if (outcome instanceof CentralOutcome.Accepted accepted) {
            submission.centralReference = accepted.centralReference();
            submission.lastError = null;
            status.transition(submission, ApplicationStatus.SUBMITTED, null);
        } else if (outcome instanceof CentralOutcome.Returned returned) {
            submission.lastError = returned.reason();
            status.transition(submission, ApplicationStatus.RETURNED, returned.reason());
        } else if (outcome instanceof CentralOutcome.Failed failed) {
            delay(submission, failed);
        }
    }

    private void delay(Submission submission, CentralOutcome.Failed failed) {
        Instant now = clock.instant();
        Duration wait = new Backoff(config.backoffBase(), config.backoffCap()).after(submission.attempts);
        if (wait.compareTo(failed.retryAfter()) < 0) {
            wait = failed.retryAfter();
        }
        submission.nextAttemptAt = now.plus(wait);
        submission.lastError = failed.error();
        if (submission.status == ApplicationStatus.DELAYED) {
            submission.updatedAt = now; // same episode: no new DELAYED
        } else {
            submission.episode++;
            status.transition(submission, ApplicationStatus.DELAYED, "Central API unreachable: " + failed.error());
        }
    }
}
