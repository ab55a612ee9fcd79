package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicantContactRecorded;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.LifecyclePosition;
import id.ltsa.relay.trace.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which messages to send. A decision is a row, written before anything is sent and unique per application,
 * transition, revision and outage episode: the same event twice decides nothing new, and a status older than one
 * already decided (a late or re-published event) is never announced after the newer one.
 */
@ApplicationScoped
public class NotificationDecisions {

    /** Transitions an applicant hears about; QUEUED is internal bookkeeping and would only be noise. */
    static final Set<ApplicationStatus> NOTIFIED = Set.of(
            ApplicationStatus.RECEIVED,
            ApplicationStatus.DELAYED,
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.RETURNED,
            ApplicationStatus.APPROVED,
            ApplicationStatus.ISSUED,
            ApplicationStatus.REJECTED,
            ApplicationStatus.WITHDRAWN);

    private final Clock clock;
    private final Event<NotificationDecided> decided;

    NotificationDecisions(Clock clock, Event<NotificationDecided> decided) {
        this.clock = clock;
        this.decided = decided;
    }

    /**
     * An applicant's contact details with their RECEIVED (a registration is revision 1; a corrected application, a
     * later revision, starts again at RECEIVED): both recorded, and its message decided.
     */
    void contactRecorded(ApplicantContactRecorded recorded) {
        Recipient.Heard heard = Recipient.heard(
                recorded.applicationId(),
                recorded.officeCode(),
                recorded.trackingCode(),
                recorded.contact(),
                recorded.revision(),
                recorded.occurredAt(),
                clock.instant());
        decide(heard, ApplicationStatus.RECEIVED, recorded.revision(), 0, null);
    }

    /** A later status of the application: recorded, and its message decided if its applicant hears of it. */
    void statusChanged(
            UUID applicationId,
            String officeCode,
            ApplicationStatus transition,
            int revision,
            int episode,
            String reason,
            Instant at) {
        decide(
                Recipient.heard(applicationId, officeCode, transition, revision, at, clock.instant()),
                transition,
                revision,
                episode,
                reason);
    }

    /**
     * @param heard the application's row, just upserted: locked by this transaction, so the application's two consumers
     *     (contacts and statuses) decide for it in turn, and each sees the other's message (which is first, whether it
     *     is superseded) among the messages read with it
     */
    private void decide(Recipient.Heard heard, ApplicationStatus transition, int revision, int episode, String reason) {
        if (!NOTIFIED.contains(transition)) {
            return;
        }
        Recipient recipient = heard.recipient();
        UUID applicationId = recipient.applicationId;
        List<Notification> earlier = heard.messages();
        LifecyclePosition position = new LifecyclePosition(revision, transition);
        boolean decidedBefore = earlier.stream()
                .anyMatch(notification -> notification.transition == transition
                        && notification.revision == revision
                        && notification.episode == episode);
        // RECEIVED comes from the other topic and may arrive after a later status of the same application; it carries
        // the tracking code, so it is still sent, and the sender sends it first.
        boolean superseded = transition != ApplicationStatus.RECEIVED
                && earlier.stream()
                        .anyMatch(notification -> notification.position().isAfter(position));
        if (decidedBefore || superseded) {
            return;
        }
        Instant now = clock.instant();
        Notification notification = new Notification();
        // named by what it is about: a decision lost and made again is the same message, with the same gateway key
        notification.id = UUID.nameUUIDFromBytes(
                (applicationId + "/" + transition + "/" + revision + "/" + episode).getBytes(StandardCharsets.UTF_8));
        notification.applicationId = applicationId;
        notification.officeCode = recipient.officeCode;
        notification.transition = transition;
        notification.revision = revision;
        notification.episode = episode;
        notification.reason = reason;
        notification.status = NotificationStatus.PENDING;
        notification.nextAttemptAt = now;
        notification.createdAt = now;
        notification.traceparent = TraceParent.current();
        // the sender claims it first, then it is written: persisted before, its claim would be an INSERT and an UPDATE
        decided.fire(new NotificationDecided(notification, earlier, recipient));
        notification.persist();
    }
}
