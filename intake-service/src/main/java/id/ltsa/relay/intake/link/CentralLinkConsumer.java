package id.ltsa.relay.intake.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.EventTypes;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Reads {@code ltsa.central-link} into last_known_link; the offset is committed after the database. */
@ApplicationScoped
public class CentralLinkConsumer {

    private static final Logger LOG = Logger.getLogger(CentralLinkConsumer.class);

    private final CentralLinks links;
    private final ObjectMapper json;

    CentralLinkConsumer(CentralLinks links, ObjectMapper json) {
        this.links = links;
        this.json = json;
    }

    @Incoming("central-link")
    @Blocking
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public void consume(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || !EventTypes.CENTRAL_LINK_CHANGED.name()
                .equals(new String(type.value(), StandardCharsets.UTF_8))) {
            LOG.warnf("Skipped a record of unknown type at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        try {
            links.apply(json.readValue(record.value(), CentralLinkChanged.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipped an unreadable link event at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
