package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicantContact;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.LifecyclePosition;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.trace.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
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

    void remember(UUID applicationId, String trackingCode, String officeCode, ApplicantContact applicant) {
        // locked, as every decision for the application locks it (see decide)
        Recipient recipient = Recipient.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (recipient != null && recipient.erasedAt != null) {
            return; // erased for good: an event replayed from before the erasure must not bring the details back
        }
        if (recipient == null) {
            recipient = new Recipient();
            recipient.applicationId = applicationId;
        }
        recipient.trackingCode = trackingCode;
        recipient.officeCode = officeCode;
        recipient.fullName = applicant.fullName();
        recipient.phone = applicant.phone();
        recipient.email = applicant.email();
        recipient.channel =
                applicant.preferredChannel() == null ? NotificationChannel.WHATSAPP : applicant.preferredChannel();
        recipient.language = applicant.language() == null ? "id" : applicant.language();
        recipient.updatedAt = clock.instant();
        recipient.persist();
    }

    void decide(
            UUID applicationId,
            String officeCode,
            ApplicationStatus transition,
            int revision,
            int episode,
            String reason) {
        if (!NOTIFIED.contains(transition)) {
            return;
        }
        // The recipient's row is the application's lock: its two consumers (contacts and statuses) may decide for one
        // application at once, and each must see the other's message (which is first, whether it is superseded).
        Recipient.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        List<Notification> earlier = Notification.list("applicationId", applicationId);
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
        notification.officeCode = officeCode;
        notification.transition = transition;
        notification.revision = revision;
        notification.episode = episode;
        notification.reason = reason;
        notification.status = NotificationStatus.PENDING;
        notification.nextAttemptAt = now;
        notification.createdAt = now;
        notification.traceparent = TraceParent.current();
        // the sender claims it first, then it is written: persisted before, its claim would be an INSERT and an UPDATE
        decided.fire(new NotificationDecided(notification, earlier));
        notification.persist();
    }
}
