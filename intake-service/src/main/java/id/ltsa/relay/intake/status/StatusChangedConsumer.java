package id.ltsa.relay.intake.status;

import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ltsa.application-status} into the status read model, through the {@link Inbox}: once per event, the
 * offset committed after the database, an unreadable record to {@code ltsa.intake-service.dlq}.
 */
@ApplicationScoped
public class StatusChangedConsumer {

    private final Inbox inbox;
    private final StatusReadModel readModel;

    StatusChangedConsumer(Inbox inbox, StatusReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("application-status")
    @Blocking
    public void consume(List<String> values, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        // the topic carries status changes alone: the inbox dead-letters anything else
        inbox.receive(batch, event -> readModel.apply((ApplicationStatusChanged) event));
    }
}
