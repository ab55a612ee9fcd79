package id.ltsa.relay.outbox;

import id.ltsa.relay.trace.TraceParent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends outbox rows to Kafka as CloudEvents in binary mode and waits for the broker's acknowledgement. */
@ApplicationScoped
class OutboxPublisher {

    private static final String CONTENT_TYPE = "content-type";
    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.UTF_8);

    private final MutinyEmitter<String> emitter;
    private final URI source;

    OutboxPublisher(@Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config) {
        this.emitter = emitter;
        this.source = URI.create(config.source());
    }

    /** Sends the batch in order; completes when the broker has acknowledged every record, fails otherwise. */
    void publish(List<OutboxRow> batch, Duration timeout) {
        List<Uni<Void>> sends =
                batch.stream().map(row -> emitter.sendMessage(message(row))).toList();
        Uni.join().all(sends).andCollectFailures().replaceWithVoid().await().atMost(timeout);
    }

    private Message<String> message(OutboxRow row) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.eventId().toString())
                .withType(row.type())
                .withSource(source)
                .withSubject(row.key())
                .withTimestamp(row.occurredAt().atZone(ZoneOffset.UTC))
                .build();
        // The Kafka binding maps datacontenttype to the record's content-type header in binary mode, and only there:
        // given to SmallRye as datacontenttype it is written both as content-type and as ce_datacontenttype
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .withHeaders(new RecordHeaders().add(CONTENT_TYPE, JSON))
                .build();
        Message<String> message =
                Message.of(row.payload()).addMetadata(cloudEvent).addMetadata(kafka);
        // the trace of the request that wrote the row, not of the relay thread that happens to publish it
        return row.traceparent() == null
                ? message
                : message.addMetadata(TracingMetadata.withCurrent(TraceParent.restore(row.traceparent())));
    }
}
