package id.ltsa.relay.notification.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicantContactRecorded;
import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.EventType;
import id.ltsa.relay.contracts.EventTypes;
import id.ltsa.relay.notification.alert.LinkAlerts;
import id.ltsa.relay.notification.backlog.Backlog;
import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the applicant-contact events (who to tell, RECEIVED, WITHDRAWN, erasure; never the application's snapshot,
 * which this service has no business reading), status changes (everything else) and central link
 * changes (outage alerts). Each event is applied with its id recorded, in one transaction, before its offset is
 * committed. When the database is away the event is retried in place, with backoff, for as long as it takes: skipping
 * it would lose a message, and failing the channel would stop all of them. The retry wraps the transaction (rather than
 * the other way round), so each attempt starts a fresh one.
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0)
@ExponentialBackoff(maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final NotificationDecisions decisions;
    private final RecipientErasure erasure;
    private final Backlog backlog;
    private final LinkAlerts linkAlerts;
    private final ObjectMapper json;
    private final Clock clock;

    EventConsumers(NotificationDecisions decisions, RecipientErasure erasure, Backlog backlog, LinkAlerts linkAlerts,
            ObjectMapper json, Clock clock) {
        this.decisions = decisions;
        this.erasure = erasure;
        this.backlog = backlog;
        this.linkAlerts = linkAlerts;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("applicant-contacts")
    @Blocking
    public void onApplicantContact(ConsumerRecord<String, String> record) {
        try (Scope trace = TraceParent.resume(header(record, TraceParent.HEADER))) {
            QuarkusTransaction.requiringNew().run(() -> applyApplicantContact(record));
        }
    }

    @Incoming("application-status")
    @Blocking
    public void onStatus(ConsumerRecord<String, String> record) {
        if (isQueued(record)) {
            // no applicant hears of QUEUED and the backlog counts it as it counts RECEIVED: a transaction (the id
            // recorded, the progress row locked and updated) for nothing, once per application
            return;
        }
        try (Scope trace = TraceParent.resume(header(record, TraceParent.HEADER))) {
            QuarkusTransaction.requiringNew().run(() -> applyStatus(record));
        }
    }

    private boolean isQueued(ConsumerRecord<String, String> record) {
        if (!ApplicationStatusChanged.TYPE.equals(header(record, "ce_type"))) {
            return false;
        }
        try {
            return json.readValue(record.value(), ApplicationStatusChanged.class).status() == ApplicationStatus.QUEUED;
        } catch (JsonProcessingException unreadable) {
            return false; // read again in the transaction, which says where it is
        }
    }

    @Incoming("central-link")
    @Blocking
    public void onLinkChanged(ConsumerRecord<String, String> record) {
        try (Scope trace = TraceParent.resume(header(record, TraceParent.HEADER))) {
            QuarkusTransaction.requiringNew().run(() -> applyLinkChange(record));
        }
    }

    private void applyApplicantContact(ConsumerRecord<String, String> record) {
        Optional<Object> read = read(record);
        if (read.isEmpty()) {
            return;
        }
        Object event = read.get();
        if (event instanceof ApplicantContactRecorded recorded) {
            decisions.remember(recorded.applicationId(), recorded.trackingCode(), recorded.officeCode(),
                    recorded.contact());
            // a registration is revision 1; a corrected application (a later revision) starts again at RECEIVED
            decisions.decide(recorded.applicationId(), recorded.officeCode(), ApplicationStatus.RECEIVED,
                    recorded.revision(), 0, null);
            backlog.track(recorded.applicationId(), recorded.officeCode(), ApplicationStatus.RECEIVED,
                    recorded.revision(), recorded.occurredAt());
        } else if (event instanceof ApplicationErased erased) {
            erasure.erase(erased);
        } else if (event instanceof ApplicationWithdrawn withdrawn) {
            decisions.decide(withdrawn.applicationId(), withdrawn.officeCode(), ApplicationStatus.WITHDRAWN,
                    withdrawn.revision(), 0, withdrawn.reason());
            backlog.track(withdrawn.applicationId(), withdrawn.officeCode(), ApplicationStatus.WITHDRAWN,
                    withdrawn.revision(), withdrawn.occurredAt());
        }
    }

    private void applyStatus(ConsumerRecord<String, String> record) {
        Optional<Object> read = read(record);
        if (read.isPresent() && read.get() instanceof ApplicationStatusChanged changed) {
            decisions.decide(changed.applicationId(), changed.officeCode(), changed.status(), changed.revision(),
                    changed.status() == ApplicationStatus.DELAYED ? changed.episode() : 0, changed.reason());
            backlog.track(changed.applicationId(), changed.officeCode(), changed.status(), changed.revision(),
                    changed.occurredAt());
        }
    }

    private void applyLinkChange(ConsumerRecord<String, String> record) {
        Optional<Object> read = read(record);
        if (read.isPresent() && read.get() instanceof CentralLinkChanged changed) {
            linkAlerts.linkChanged(changed);
        }
    }

    /** The event, or empty when it was processed before or is of a type this service does not know. */
    private Optional<Object> read(ConsumerRecord<String, String> record) {
        String eventId = header(record, "ce_id");
        Optional<EventType<?>> type = EventTypes.byName(header(record, "ce_type"));
        if (eventId == null || type.isEmpty()) {
            LOG.warnf("Skipped an unreadable record at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        if (!ProcessedEvent.firstTime(eventId, clock.instant())) {
            return Optional.empty();
        }
        Object event;
        try {
            event = json.readValue(record.value(), type.get().dataClass());
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the payload, which holds personal data: say where, not what
            LOG.warnf("Skipped an unreadable %s at %s-%d@%d", type.get().name(), record.topic(), record.partition(),
                    record.offset());
            return Optional.empty();
        }
        return Optional.of(event);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
