package id.ltsa.relay.ministry.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.EventTypes;
import id.ltsa.relay.ministry.registry.Offices;
import id.ltsa.relay.ministry.report.FleetApplications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads what MirrorMaker 2 brings from the offices: its heartbeats, the link and status events, on topics named
 * "&lt;office&gt;.&lt;topic&gt;" (its default replication policy, one source alias per office code). Anything from an
 * office is a sign of life, dated by the office's own clock (MirrorMaker keeps each record's timestamp), so a backlog
 * replayed after an outage does not make a silent office look alive for the time it took to arrive. Each record is
 * applied in one transaction, retried in place while the database is away.
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0)
@ExponentialBackoff(maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
public class FleetSignals {

    private static final Logger LOG = Logger.getLogger(FleetSignals.class);

    private final Offices offices;
    private final FleetApplications applications;
    private final ProcessedEvents processed;
    private final ObjectMapper json;

    FleetSignals(Offices offices, FleetApplications applications, ProcessedEvents processed, ObjectMapper json) {
        this.offices = offices;
        this.applications = applications;
        this.processed = processed;
        this.json = json;
    }

    @Incoming("heartbeats")
    @Blocking
    public void onHeartbeat(ConsumerRecord<byte[], byte[]> record) {
        Instant at;
        try {
            at = Instant.ofEpochMilli(Heartbeat.deserializeRecord(record).timestamp());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Skipped an unreadable heartbeat at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> offices.seen(office(record), at));
    }

    @Incoming("office-links")
    @Blocking
    public void onLinkChanged(ConsumerRecord<String, String> record) {
        CentralLinkChanged change = read(record, CentralLinkChanged.class);
        QuarkusTransaction.requiringNew().run(() -> {
            offices.seen(office(record), Instant.ofEpochMilli(record.timestamp()));
            if (change != null) {
                offices.linkChanged(office(record), change);
            }
        });
    }

    @Incoming("office-statuses")
    @Blocking
    public void onStatus(ConsumerRecord<String, String> record) {
        ApplicationStatusChanged change = read(record, ApplicationStatusChanged.class);
        String eventId = header(record, "ce_id");
        QuarkusTransaction.requiringNew().run(() -> {
            offices.seen(office(record), Instant.ofEpochMilli(record.timestamp()));
            if (change != null && eventId != null && processed.firstTime(eventId)) {
                applications.apply(office(record), change);
            }
        });
    }

    /** The office a replicated topic comes from: its source alias, the part before the first dot. */
    static String office(ConsumerRecord<?, ?> record) {
        return record.topic().substring(0, record.topic().indexOf('.'));
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        String name = header(record, "ce_type");
        if (name == null
                || EventTypes.byName(name)
                        .map(known -> known.dataClass() != type)
                        .orElse(true)) {
            LOG.warnf(
                    "Skipped a record of unknown type %s at %s-%d@%d",
                    name, record.topic(), record.partition(), record.offset());
            return null;
        }
        try {
            return json.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            LOG.warnf(
                    "Skipped an unreadable %s at %s-%d@%d", name, record.topic(), record.partition(), record.offset());
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
