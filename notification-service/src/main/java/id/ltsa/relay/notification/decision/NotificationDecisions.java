package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicantDetails;
import id.ltsa.relay.contracts.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which messages to send. A decision is a row, written before anything is sent and unique per application,
 * transition, revision and outage episode: the same event twice decides nothing new.
 */
@ApplicationScoped
public class NotificationDecisions {

    /** Transitions an applicant hears about; QUEUED is internal bookkeeping and would only be noise. */
    static final Set<ApplicationStatus> NOTIFIED = Set.of(ApplicationStatus.RECEIVED, ApplicationStatus.DELAYED,
            ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED, ApplicationStatus.APPROVED,
            ApplicationStatus.ISSUED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);

    private final Clock clock;
    private final Event<NotificationDecided> decided;

    NotificationDecisions(Clock clock, Event<NotificationDecided> decided) {
        this.clock = clock;
        this.decided = decided;
    }

    void remember(UUID applicationId, String trackingCode, String officeCode, ApplicantDetails applicant) {
        Recipient recipient = Recipient.findById(applicationId);
        if (recipient == null) {
            recipient = new Recipient();
            recipient.applicationId = applicationId;
        }
        recipient.trackingCode = trackingCode;
        recipient.officeCode = officeCode;
        recipient.fullName = applicant.fullName();
        recipient.phone = applicant.phone();
        recipient.email = applicant.email();
        recipient.channel = applicant.preferredChannel() == null ? "WHATSAPP" : applicant.preferredChannel().name();
        recipient.language = applicant.language() == null ? "id" : applicant.language();
        recipient.updatedAt = clock.instant();
        recipient.persist();
    }

    void decide(UUID applicationId, String officeCode, ApplicationStatus transition, int revision, int episode,
            String reason) {
        if (!NOTIFIED.contains(transition)
                || Notification.count("applicationId = ?1 and transition = ?2 and revision = ?3 and episode = ?4",
                        applicationId, transition.name(), revision, episode) > 0) {
            return;
        }
        Instant now = clock.instant();
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.applicationId = applicationId;
        notification.officeCode = officeCode;
        notification.transition = transition.name();
        notification.revision = revision;
        notification.episode = episode;
        notification.reason = reason;
        notification.status = Notification.PENDING;
        notification.nextAttemptAt = now;
        notification.createdAt = now;
        notification.persist();
        decided.fire(new NotificationDecided());
    }
}
