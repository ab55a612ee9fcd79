package id.ltsa.relay.intake.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
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

/** Reads {@code ltsa.application-status} into the status read model; the offset is committed after the database. */
@ApplicationScoped
public class StatusChangedConsumer {

    private static final Logger LOG = Logger.getLogger(StatusChangedConsumer.class);

    private final StatusReadModel readModel;
    private final ObjectMapper json;

    StatusChangedConsumer(StatusReadModel readModel, ObjectMapper json) {
        this.readModel = readModel;
        this.json = json;
    }

    @Incoming("application-status")
    @Blocking
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public void consume(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || !EventTypes.STATUS_CHANGED.name().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            LOG.warnf("Skipped a record of unknown type at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        ApplicationStatusChanged event;
        try {
            event = json.readValue(record.value(), ApplicationStatusChanged.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipped an unreadable status event at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        readModel.apply(event); // its own transaction: a failure (database away) is retried in place, never skipped

    }
}
