package id.ltsa.relay.intake.status;

import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.inbox.Inbox;
import id.ltsa.relay.inbox.InboxHandler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ltsa.application-status} into the status read model, through the {@link Inbox}: the offset committed
 * after the database, an unreadable record to {@code ltsa.intake-service.dlq}. Each event is applied by one statement
 * that changes nothing the second time, so the inbox records no ids for this channel.
 */
@ApplicationScoped
public class StatusChangedConsumer {

    private final Inbox inbox;
    private final StatusReadModel readModel;
    /** The read model decides in its one statement whether an event is newer: an event applied twice changes nothing. */
    private final InboxHandler handler = new InboxHandler() {
        @Override
        public void handle(Object event) {
            readModel.apply((ApplicationStatusChanged) event);
        }

        @Override
        public boolean idempotent() {
            return true;
        }
    };

    StatusChangedConsumer(Inbox inbox, StatusReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("application-status")
    @Blocking
    public void consume(List<String> values, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        // the topic carries status changes alone: the inbox dead-letters anything else
        inbox.receive(batch, handler);
    }
}
