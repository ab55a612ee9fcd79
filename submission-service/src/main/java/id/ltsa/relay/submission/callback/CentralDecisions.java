package id.ltsa.relay.submission.callback;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.submission.queue.StatusPublisher;
import id.ltsa.relay.submission.queue.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** Applies the central API's decisions. A decision already applied, or one that would go backwards, changes nothing. */
@ApplicationScoped
class CentralDecisions {

    enum Result {
        APPLIED,
        UNCHANGED,
        REPLAYED,
        UNKNOWN_REFERENCE
    }

    private static final Logger LOG = Logger.getLogger(CentralDecisions.class);
    /** Which decision may follow which status. */
    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.of(
            ApplicationStatus.APPROVED, Set.of(ApplicationStatus.SUBMITTED),
            ApplicationStatus.REJECTED, Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED),
            ApplicationStatus.ISSUED, Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED));

    private final StatusPublisher status;
    private final CallbacksSeen seen;

    CentralDecisions(StatusPublisher status, CallbacksSeen seen) {
        this.status = status;
        this.seen = seen;
    }

    /** Applies the decision of callback {@code callbackId}, unless that callback was taken before. */
    @Transactional
    Result apply(String callbackId, CentralDecision decision, ApplicationStatus decided) {
        Submission submission = Submission.<Submission>find("centralReference", decision.centralReference())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (submission == null) {
            return Result.UNKNOWN_REFERENCE;
        }
        if (!seen.firstTime(callbackId)) {
            return Result.REPLAYED; // the same callback again: central's retry, or a capture sent back
        }
        if (!ALLOWED.get(decided).contains(submission.status)) {
            return Result.UNCHANGED; // repeated, late or out of order: the application is already past it
        }
        status.transition(submission, decided, decision.reason());
        LOG.infof("Central decision %s for application %s", decided, submission.applicationId);
        return Result.APPLIED;
    }
}
