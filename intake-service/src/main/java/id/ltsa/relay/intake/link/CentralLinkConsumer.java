package id.ltsa.relay.intake.link;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ltsa.central-link} into last_known_link, through the {@link Inbox}: once per event, the offset committed
 * after the database, an unreadable record to {@code ltsa.intake-service.dlq}.
 */
@ApplicationScoped
public class CentralLinkConsumer {

    private final Inbox inbox;
    private final CentralLinks links;

    CentralLinkConsumer(Inbox inbox, CentralLinks links) {
        this.inbox = inbox;
        this.links = links;
    }

    @Incoming("central-link")
    @Blocking
    public void consume(List<String> values, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        // the topic carries link changes alone: the inbox dead-letters anything else
        inbox.receive(batch, event -> links.apply((CentralLinkChanged) event));
    }
}
