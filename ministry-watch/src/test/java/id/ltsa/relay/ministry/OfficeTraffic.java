package id.ltsa.relay.ministry;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.contracts.testing.SampleStatusChange;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.protocol.types.Struct;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.mirror.Heartbeat;

/**
 * What MirrorMaker 2 puts on the ministry's cluster for an office, written here as it would: "&lt;office&gt;.heartbeats"
 * in MirrorMaker's own heartbeat format, and the office's events on "&lt;office&gt;.ltsa.*" with their CloudEvents headers.
 * (MirrorMaker itself between two real clusters is the end-to-end suite's.)
 */
final class OfficeTraffic {

    private static KafkaTestClient events;
    private static KafkaProducer<byte[], byte[]> bytes;

    private OfficeTraffic() {}

    static synchronized KafkaTestClient events() {
        if (events == null) {
            events = RealInfrastructure.kafka();
        }
        return events;
    }

    private static synchronized KafkaProducer<byte[], byte[]> bytes() {
        if (bytes == null) {
            bytes = new KafkaProducer<>(
                    RealInfrastructure.kafkaAdminConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        }
        return bytes;
    }

    /**
     * One of MirrorMaker's heartbeats from the office, emitted at {@code at}: written with the schemas
     * {@link Heartbeat} publishes (its own writer is package-private), and read back with its reader here and in
     * ministry-watch.
     */
    static void heartbeat(String office, Instant at) throws Exception {
        Struct key = new Struct(Heartbeat.KEY_SCHEMA)
                .set(Heartbeat.SOURCE_CLUSTER_ALIAS_KEY, "ministry")
                .set(Heartbeat.TARGET_CLUSTER_ALIAS_KEY, office);
        Struct header = new Struct(Heartbeat.HEADER_SCHEMA).set(Heartbeat.VERSION_KEY, (short) 0);
        Struct value = new Struct(Heartbeat.VALUE_SCHEMA_V0).set(Heartbeat.TIMESTAMP_KEY, at.toEpochMilli());
        ByteBuffer keyBytes = ByteBuffer.allocate(Heartbeat.KEY_SCHEMA.sizeOf(key));
        Heartbeat.KEY_SCHEMA.write(keyBytes, key);
        ByteBuffer valueBytes =
                ByteBuffer.allocate(Heartbeat.HEADER_SCHEMA.sizeOf(header) + Heartbeat.VALUE_SCHEMA_V0.sizeOf(value));
        Heartbeat.HEADER_SCHEMA.write(valueBytes, header);
        Heartbeat.VALUE_SCHEMA_V0.write(valueBytes, value);
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(office + ".heartbeats", 0, keyBytes.array(), valueBytes.array());
        ConsumerRecord<byte[], byte[]> readBack =
                new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value());
        if (Heartbeat.deserializeRecord(readBack).timestamp() != at.toEpochMilli()) {
            throw new IllegalStateException("not MirrorMaker's heartbeat format");
        }
        bytes().send(record).get();
    }

    /** An office that keeps talking: MirrorMaker brings its heartbeats every half second until this is closed. */
    static AutoCloseable alive(String office) {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();
        beats.scheduleAtFixedRate(
                () -> {
                    try {
                        heartbeat(office, Instant.now());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
        return () -> {
            beats.shutdownNow();
            beats.awaitTermination(5, TimeUnit.SECONDS);
        };
    }

    static void link(String office, LinkState state, Instant since) throws Exception {
        CentralLinkChanged change = new CentralLinkChanged(
                state,
                since,
                state == LinkState.DOWN ? "HTTP 503" : null,
                0,
                state == LinkState.DOWN ? LinkDiagnosis.CENTRAL_ERRORS : null);
        events().publishOn(
                        office + ".ltsa.central-link",
                        "central-link",
                        UUID.randomUUID().toString(),
                        change);
    }

    /** A status event of an application of the office; {@code eventId} is its ce_id (the same on a replay). */
    static void status(String office, UUID application, ApplicationStatus status, Instant at, String eventId)
            throws Exception {
        ApplicationStatusChanged change = SampleStatusChange.of(application, status)
                .trackingCode("LT-FLEET234")
                .office(office)
                .at(at)
                .build();
        events().publishOn(office + ".ltsa.application-status", application.toString(), eventId, change);
    }
}
