package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicantContactRecorded;
import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.inbox.Inbox;
import id.ltsa.relay.inbox.InboxHandler;
import id.ltsa.relay.notification.alert.LinkAlerts;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads, through the {@link Inbox} (a poll's events in one transaction with their ids, once each, retried in place
 * while the database is away, an unreadable record to {@code ltsa.notification-service.dlq}): the applicant-contact
 * events (who to tell, RECEIVED, WITHDRAWN, erasure; never the application's snapshot, which this service has no
 * business reading), status changes (everything else) and central link changes (outage alerts). Each method's first
 * parameter, the poll's values, is unused: SmallRye wants the payload first, and the inbox reads the records, headers
 * and all, from the batch's metadata.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final NotificationDecisions decisions;
    private final RecipientErasure erasure;
    private final LinkAlerts linkAlerts;
    private final InboxHandler statusHandler = new InboxHandler() {
        @Override
        public void handle(Object event) {
            applyStatus((ApplicationStatusChanged) event);
        }

        /**
         * No applicant hears of QUEUED, and the backlog counts it as it counts RECEIVED: a transaction (the id
         * recorded, the application's row upserted) for nothing, once per application.
         */
        @Override
        public boolean ignores(Object event) {
            return ((ApplicationStatusChanged) event).status() == ApplicationStatus.QUEUED;
        }
    };

    EventConsumers(Inbox inbox, NotificationDecisions decisions, RecipientErasure erasure, LinkAlerts linkAlerts) {
        this.inbox = inbox;
        this.decisions = decisions;
        this.erasure = erasure;
        this.linkAlerts = linkAlerts;
    }

    @Incoming("applicant-contacts")
    @Blocking
    public void onApplicantContact(List<String> values, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        inbox.receive(batch, this::applyApplicantContact);
    }

    @Incoming("application-status")
    @Blocking
    public void onStatus(List<String> values, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        inbox.receive(batch, statusHandler);
    }

    @Incoming("central-link")
    @Blocking
    public void onLinkChanged(List<String> values, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        inbox.receive(batch, event -> linkAlerts.linkChanged((CentralLinkChanged) event));
    }

    private void applyApplicantContact(Object event) {
        if (event instanceof ApplicantContactRecorded recorded) {
            decisions.contactRecorded(recorded);
        } else if (event instanceof ApplicationErased erased) {
            erasure.erase(erased);
        } else if (event instanceof ApplicationWithdrawn withdrawn) {
            decisions.statusChanged(
                    withdrawn.applicationId(),
                    withdrawn.officeCode(),
                    ApplicationStatus.WITHDRAWN,
                    withdrawn.revision(),
                    0,
                    withdrawn.reason(),
                    withdrawn.occurredAt());
        }
    }

    private void applyStatus(ApplicationStatusChanged changed) {
        decisions.statusChanged(
                changed.applicationId(),
                changed.officeCode(),
                changed.status(),
                changed.revision(),
                changed.status() == ApplicationStatus.DELAYED ? changed.episode() : 0,
                changed.reason(),
                changed.occurredAt());
    }
}
