package id.ltsa.relay.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The consumer side, the same in every office service. A consumer's {@code @Incoming} method receives one poll's
 * records at a time ({@code batch=true}) as {@code (List<String> values, IncomingKafkaRecordBatchMetadata batch)} and
 * hands the batch here; the values go unused (SmallRye wants the payload first), since the records, headers and all,
 * are in the batch:
 * <ul>
 * <li>each is read as a CloudEvent of a type published on its topic ({@link CloudEventRecord});</li>
 * <li>the readable ones are applied, and their {@code ce_id}s recorded, in one new transaction, before the connector
 * commits the batch's offsets, so a crash at any point replays them and the replay changes nothing
 * ({@link InboxHandler#handleAgain}); each is applied inside the trace it carries;</li>
 * <li>any failure of that transaction (the database restarting, say) is retried in place, with backoff, for as long as
 * it takes ({@link InboxTransaction}): skipping a record would lose a message, and failing the channel would stop all
 * of them;</li>
 * <li>an unreadable record is not retried: once the others are committed, it is nacked on its own, and the connector's
 * {@code failure-strategy=dead-letter-queue} puts it on the service's dead-letter topic ({@link DeadLetters}).</li>
 * </ul>
 * One transaction per poll rather than per record: a quiet office polls one record at a time and sees no difference,
 * and an office catching up after an outage, or a busy one, commits once per hundred records instead of once per
 * record (the performance issue).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /**
     * Within a batch, the events of one application keep their order (one key, one partition), and the applications
     * are taken in the order of their keys. Every batch of every channel then locks its applications' rows in one
     * order, so two channels' batches (notification-service reads contacts and statuses apart) cannot deadlock.
     */
    private static final Comparator<ReceivedEvent> BY_KEY =
            Comparator.comparing(ReceivedEvent::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final InboxTransaction transaction;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    Inbox(InboxTransaction transaction, DeadLetters deadLetters, ObjectMapper json) {
        this.transaction = transaction;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    /** Applies one poll's records of a channel; returns once they are applied and the unreadable ones dead-lettered. */
    public void receive(IncomingKafkaRecordBatchMetadata<String, String> batch, InboxHandler handler) {
        List<ReceivedEvent> readable = new ArrayList<>(batch.count());
        List<Unreadable> unreadable = new ArrayList<>(0);
        for (Message<?> message : batch.getBatchedMessages()) {
            ConsumerRecord<String, String> record = recordOf(message);
            try {
                CloudEventRecord event = CloudEventRecord.read(record, json);
                if (!handler.ignores(event.data())) {
                    readable.add(ReceivedEvent.of(record, event));
                }
            } catch (UnreadableEventException e) {
                unreadable.add(new Unreadable(message, e));
            }
        }
        if (!readable.isEmpty()) {
            readable.sort(BY_KEY);
            transaction.applyAll(readable, handler);
        }
        // Only now: the dead-lettered record is acknowledged, and if it is the newest of its partition in this batch
        // its offset is committed, which must not pass records not yet applied.
        unreadable.forEach(each -> deadLetters.setAside(each.message(), each.reason()));
        LOG.debugf(
                "Applied %d of a poll's %d records, %d dead-lettered",
                readable.size(), batch.count(), unreadable.size());
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> recordOf(Message<?> message) {
        return (ConsumerRecord<String, String>) message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a batch message without its Kafka record"))
                .getRecord();
    }

    private record Unreadable(Message<?> message, UnreadableEventException reason) {}
}
