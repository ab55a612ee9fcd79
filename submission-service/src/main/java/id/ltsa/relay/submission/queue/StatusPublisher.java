package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves a submission to a new status and announces it on {@code ltsa.application-status} through the outbox, in the
 * caller's transaction: the status and its event exist together or not at all.
 */
@ApplicationScoped
public class StatusPublisher {

    private final Outbox outbox;
    private final Clock clock;
    private final Duration announceAgainAfter;

    StatusPublisher(
            Outbox outbox,
            Clock clock,
            @ConfigProperty(name = "ltsa.submission.announce-again-after", defaultValue = "1m")
                    Duration announceAgainAfter) {
        this.outbox = outbox;
        this.clock = clock;
        this.announceAgainAfter = announceAgainAfter;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void transition(Submission submission, ApplicationStatus status, String reason) {
        announce(submission, List.of(move(submission, status, reason)));
    }

    /**
     * Moves a submission to a new status and returns the event that announces it, not yet appended: for a change made
     * only if a condition holds (a row written only if it is new, {@link Submission#INSERT_IF_NEW}), whose events must
     * not be announced if it was not made. The caller appends it with {@link #announceIf}.
     */
    public ApplicationStatusChanged move(Submission submission, ApplicationStatus status, String reason) {
        ApplicationStatus previous = submission.status;
        submission.status = status;
        submission.updatedAt = clock.instant();
        return new ApplicationStatusChanged(
                submission.applicationId,
                submission.trackingCode,
                submission.officeCode,
                status,
                previous,
                reason,
                submission.centralReference,
                submission.attempts,
                status.isPending() ? submission.nextAttemptAt : null,
                submission.revision,
                submission.episode,
                submission.updatedAt);
    }

    /**
     * Makes a change and appends a submission's status events, in their order, in one statement, the events only if the
     * change touched a row ({@link Outbox#appendIf}): in the caller's transaction, or committed on its own outside one.
     *
     * @return whether the change touched a row
     */
    public boolean announceIf(
            String change, Outbox.Parameters parameters, Submission submission, List<ApplicationStatusChanged> events) {
        return outbox.appendIf(change, parameters, submission.applicationId.toString(), events.toArray());
    }

    /** Appends a submission's status events, in their order, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    void announce(Submission submission, List<ApplicationStatusChanged> events) {
        outbox.append(submission.applicationId.toString(), events.toArray());
    }

    /**
     * Publishes the application's status events again, under their own ids, because a duplicate of one of its
     * application events arrived. Intake sends one when it has seen no status of an application for minutes (its
     * reconciliation): the status events may never have reached it, nor notification-service, which both deduplicate
     * by {@code ce_id}. Not within {@code ltsa.submission.announce-again-after} of their last publication: a replay
     * after a crash brings duplicates too, seconds later, and needs no answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceAgain(String applicationId) {
        outbox.republish(applicationId, announceAgainAfter);
    }
}
