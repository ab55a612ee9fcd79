package id.ltsa.relay.submission.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationAmended;
import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ApplicationEvent;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.EventType;
import id.ltsa.relay.contracts.EventTypes;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ltsa.applications}. Each event is applied and recorded as processed in one transaction, before its
 * offset is committed: a crash at any point replays the event, and the replay changes nothing. Only an unreadable
 * record goes to the dead-letter topic; any other failure (the database restarting, say) is retried in place with
 * backoff for as long as it takes, each attempt in a fresh transaction, so a valid application is never set aside.
 */
@ApplicationScoped
public class ApplicationEventConsumer {

    private final SubmissionQueue queue;
    private final StatusPublisher statuses;
    private final ObjectMapper json;
    private final Clock clock;

    ApplicationEventConsumer(SubmissionQueue queue, StatusPublisher statuses, ObjectMapper json, Clock clock) {
        this.queue = queue;
        this.statuses = statuses;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("applications")
    @Blocking
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0,
            abortOn = UnreadableEventException.class)
    @ExponentialBackoff(maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public void consume(ConsumerRecord<String, String> record) {
        // continue the trace the event carries, whether or not the connector made it current on this thread
        try (Scope trace = TraceParent.resume(header(record, TraceParent.HEADER))) {
            QuarkusTransaction.requiringNew().call(() -> {
                apply(record);
                return null;
            });
        }
    }

    private void apply(ConsumerRecord<String, String> record) throws JsonProcessingException {
        String eventId = header(record, "ce_id");
        EventType<?> type = EventTypes.byName(header(record, "ce_type"))
                .filter(known -> Topics.APPLICATIONS.equals(known.topic()))
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + header(record, "ce_type")));
        if (eventId == null) {
            throw new UnreadableEventException("record without ce_id");
        }
        if (!ProcessedEvent.firstTime(eventId, clock.instant())) {
            // seen before: a replay, or intake asking again because it never saw what became of it
            statuses.announceAgain(record.key());
            return;
        }
        ApplicationEvent event = read(record, type);
        if (event instanceof ApplicationReceived received) {
            queue.enqueue(received);
        } else if (event instanceof ApplicationAmended amended) {
            queue.amend(amended);
        } else if (event instanceof ApplicationWithdrawn withdrawn) {
            queue.withdraw(withdrawn);
        } else if (event instanceof ApplicationErased erased) {
            queue.erase(erased);
        }
    }

    private ApplicationEvent read(ConsumerRecord<String, String> record, EventType<?> type) {
        try {
            return (ApplicationEvent) json.readValue(record.value(), type.dataClass());
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the payload, which holds personal data: say where, not what
            throw new UnreadableEventException("not a valid " + type.name() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr()));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
