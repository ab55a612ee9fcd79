package id.ltsa.relay.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The consumer side, the same in every office service. A consumer's {@code @Incoming} method hands each record here:
 * <ul>
 * <li>it is read as a CloudEvent of a type published on its topic ({@link CloudEventRecord});</li>
 * <li>the trace it carries is continued;</li>
 * <li>it is applied and its {@code ce_id} recorded in one new transaction, before the connector commits its offset,
 * so a crash at any point replays it and the replay changes nothing ({@link InboxHandler#handleAgain});</li>
 * <li>any failure but an unreadable record (the database restarting, say) is retried in place, with backoff, for as
 * long as it takes, each attempt in a fresh transaction: skipping it would lose a message, and failing the channel
 * would stop all of them;</li>
 * <li>an unreadable record is not retried: {@link UnreadableEventException} reaches the connector, whose
 * {@code failure-strategy=dead-letter-queue} puts it on the service's dead-letter topic, and the next one is read.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {

    private final ProcessedEvents processed;
    private final ObjectMapper json;

    Inbox(ProcessedEvents processed, ObjectMapper json) {
        this.processed = processed;
        this.json = json;
    }

    @Retry(
            maxRetries = -1,
            delay = 1,
            delayUnit = ChronoUnit.SECONDS,
            maxDuration = 0,
            abortOn = UnreadableEventException.class)
    @ExponentialBackoff(maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public void receive(ConsumerRecord<String, String> record, InboxHandler handler) {
        CloudEventRecord event = CloudEventRecord.read(record, json);
        if (handler.ignores(event.data())) {
            return;
        }
        // continue the trace the event carries, whether or not the connector made it current on this thread
        try (Scope trace = TraceParent.resume(CloudEventRecord.header(record, TraceParent.HEADER))) {
            QuarkusTransaction.requiringNew().call(() -> {
                apply(event, handler);
                return null;
            });
        }
    }

    private void apply(CloudEventRecord event, InboxHandler handler) throws SQLException {
        if (processed.firstTime(event.id())) {
            handler.handle(event.data());
        } else {
            handler.handleAgain(event.data());
        }
    }
}
