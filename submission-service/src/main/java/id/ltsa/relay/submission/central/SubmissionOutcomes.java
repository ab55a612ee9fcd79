package id.ltsa.relay.submission.central;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.drain.Backoff;
import id.ltsa.relay.submission.queue.DelayedEpisodes;
import id.ltsa.relay.submission.queue.DueSubmissions;
import id.ltsa.relay.submission.queue.StatusPublisher;
import id.ltsa.relay.submission.queue.Submission;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Records what a call to the central API came to, and announces the status it leads to. */
@ApplicationScoped
class SubmissionOutcomes {

    private static final Logger LOG = Logger.getLogger(SubmissionOutcomes.class);

    private final StatusPublisher status;
    private final ForwardingConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    SubmissionOutcomes(StatusPublisher status, ForwardingConfig config, MeterRegistry metrics, Clock clock) {
        this.metrics = metrics;
        this.status = status;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records the central API's acceptance of a submission still as it was claimed, with its SUBMITTED event, in one
     * statement outside any transaction (see {@link Submission#ACCEPTED_AS_CLAIMED}).
     *
     * @return false if the submission changed since its claim, or the reference is another application's: then
     *     {@link #record} finds out why
     */
    boolean acceptedAsClaimed(DueSubmissions.Claimed claimed, String reference) {
        Instant at = clock.instant();
        Submission asClaimed = asClaimed(claimed, reference, at);
        Submission submitted = asClaimed(claimed, reference, at);
        submitted.attempts++;
        ApplicationStatusChanged event = status.move(submitted, ApplicationStatus.SUBMITTED, null);
        if (!status.announceIf(
                Submission.ACCEPTED_AS_CLAIMED, asClaimed::acceptedParameters, asClaimed, List.of(event))) {
            return false;
        }
        metrics.counter("ltsa.central.attempts", "outcome", outcomeName(new CentralOutcome.Accepted(reference)))
                .increment();
        return true;
    }

    /** The submission as it was claimed, with the acceptance's reference and time: not managed, a value. */
    private static Submission asClaimed(DueSubmissions.Claimed claimed, String reference, Instant at) {
        Submission submission = new Submission();
        submission.applicationId = claimed.applicationId();
        submission.revision = claimed.revision();
        submission.status = claimed.status();
        submission.trackingCode = claimed.trackingCode();
        submission.officeCode = claimed.officeCode();
        submission.attempts = claimed.attempts();
        submission.episode = claimed.episode();
        submission.centralReference = reference;
        submission.submittedAt = at;
        return submission;
    }

    /** Records what a call came to, the long way: in a transaction, the submission locked. */
    @Transactional
    void record(UUID applicationId, int revision, CentralOutcome outcome) {
        String reference = outcome instanceof CentralOutcome.Accepted accepted ? accepted.centralReference() : null;
        List<Object[]> found = lockAndCheckReference(applicationId, reference);
        Submission submission = found.isEmpty() ? null : (Submission) found.get(0)[0];
        if (submission == null || submission.revision != revision || !submission.status.isPending()) {
            return; // amended or withdrawn while the call was in flight: this answer is about the past
        }
        if (outcome instanceof CentralOutcome.Accepted accepted && (Boolean) found.get(0)[1]) {
            // Callbacks name applications by this reference, so two cannot share it. The application waits in view of
            // ops (lastError, then the escalation after 7 days) and is retried: the central API replays its answer to
            // the same key, so only a correction there frees it. The reference itself stays out of the status event,
            // which other offices' systems read. Two such answers at once still meet the unique index; the loser's
            // claim lease runs out and it comes here on its next attempt.
            LOG.errorf(
                    "The central API gave application %s the reference %s, which another application already has",
                    applicationId, accepted.centralReference());
            outcome = new CentralOutcome.Failed(
                    "the central API gave a reference that another application already has",
                    Duration.ZERO,
                    CentralOutcome.Failure.ERROR_ANSWER);
        }
        submission.attempts++;
        metrics.counter("ltsa.central.attempts", "outcome", outcomeName(outcome))
                .increment();
        if (outcome instanceof CentralOutcome.Accepted accepted) {
            submission.centralReference = accepted.centralReference();
            submission.submittedAt = clock.instant();
            submission.lastError = null;
            status.transition(submission, ApplicationStatus.SUBMITTED, null);
        } else if (outcome instanceof CentralOutcome.Returned returned) {
            submission.lastError = returned.reason();
            status.transition(submission, ApplicationStatus.RETURNED, returned.reason());
        } else if (outcome instanceof CentralOutcome.Failed failed) {
            delay(submission, failed);
        }
    }

    /**
     * The submission, locked, and whether another application already has the reference the central API gave it: one
     * query, so one round trip, not two (the performance issue). Asked before the row changes, so no change is flushed
     * ahead of it. Not Panache's count(): Hibernate caches no translation of it, and would redo it on every call.
     */
    private static List<Object[]> lockAndCheckReference(UUID applicationId, String reference) {
        return Submission.getEntityManager()
                .createQuery("""
                        select s, case when exists (select 1 from Submission other
                                where other.centralReference = :reference and other.applicationId <> s.applicationId)
                            then true else false end
                        from Submission s where s.applicationId = :id""", Object[].class)
                .setParameter("reference", reference)
                .setParameter("id", applicationId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * While the link is down, applications still QUEUED (queued just before the outage was noticed, or by a
     * transaction that raced the notice) are DELAYED too: their applicants hear now that they are safe, not when the
     * link returns.
     */
    @Transactional
    void holdQueued(String error) {
        // locked in key order, as the inbox's batches lock them, so the two cannot deadlock
        List<Submission> queued = Submission.<Submission>find(
                        "status", Sort.by("applicationId"), ApplicationStatus.QUEUED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, 500)
                .list();
        for (Submission submission : queued) {
            DelayedEpisodes.enter(submission, status, "Central API unreachable: " + error);
        }
    }

    /** Claimed but not sent because the link went down meanwhile: delayed by the outage, no attempt counted. */
    @Transactional
    void heldByOutage(UUID applicationId, int revision, String error) {
        Submission submission = Submission.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || submission.revision != revision || !submission.status.isPending()) {
            return;
        }
        submission.nextAttemptAt = clock.instant();
        DelayedEpisodes.enter(submission, status, "Central API unreachable: " + error);
    }

    private void delay(Submission submission, CentralOutcome.Failed failed) {
        Instant now = clock.instant();
        Duration wait = new Backoff(config.backoffBase(), config.backoffCap()).after(submission.attempts);
        if (wait.compareTo(failed.retryAfter()) < 0) {
            wait = failed.retryAfter();
        }
        submission.nextAttemptAt = now.plus(wait);
        submission.lastError = failed.error();
        submission.updatedAt = now;
        DelayedEpisodes.enter(submission, status, "Central API unreachable or failing: " + failed.error());
    }

    private static String outcomeName(CentralOutcome outcome) {
        if (outcome instanceof CentralOutcome.Failed failed) {
            return failed.linkProblem() ? "unreachable" : "failed";
        }
        return outcome instanceof CentralOutcome.Accepted ? "accepted" : "returned";
    }
}
