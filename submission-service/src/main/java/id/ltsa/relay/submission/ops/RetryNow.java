package id.ltsa.relay.submission.ops;

import id.ltsa.relay.submission.queue.Submission;
import id.ltsa.relay.submission.queue.SubmissionDue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Makes a pending submission due now and wakes the forwarder after commit. */
@ApplicationScoped
class RetryNow {

    private final Clock clock;
    private final Event<SubmissionDue> due;

    RetryNow(Clock clock, Event<SubmissionDue> due) {
        this.clock = clock;
        this.due = due;
    }

    @Transactional
    boolean retry(String applicationId) {
        UUID id;
        try {
            id = UUID.fromString(applicationId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Submission submission = Submission.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || !submission.status.isPending()) {
            return false;
        }
        submission.nextAttemptAt = clock.instant();
        due.fire(new SubmissionDue());
        return true;
    }

    @Transactional
    void wakeForwarder() {
        due.fire(new SubmissionDue());
    }
}
