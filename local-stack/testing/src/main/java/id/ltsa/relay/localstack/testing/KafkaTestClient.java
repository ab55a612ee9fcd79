package id.ltsa.relay.localstack.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.ltsa.relay.contracts.EventTypes;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka client for tests: puts CloudEvents on a topic the way a producer service would, and reads topics. */
public final class KafkaTestClient implements AutoCloseable {

    /** Events' JSON as the services write and read it: times as ISO-8601 strings. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Map<String, Object> connection;
    private final KafkaProducer<String, String> producer;
    /** The sends not yet acknowledged while {@link #together} runs; null otherwise. */
    private List<Future<RecordMetadata>> gathered;

    /** @param connection bootstrap.servers and, for a closed broker, the login ({@code KafkaBroker#adminConfig}) */
    public KafkaTestClient(Map<String, Object> connection) {
        this.connection = Map.copyOf(connection);
        this.producer =
                new KafkaProducer<>(with(Map.of("acks", "all")), new StringSerializer(), new StringSerializer());
    }

    private Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(connection);
        all.putAll(settings);
        return all;
    }

    /** Publishes an event of the contracts on its type's own topic, with a new {@code ce_id}. */
    public void publish(String key, Object event) {
        publish(key, UUID.randomUUID().toString(), event);
    }

    /** ... with the given {@code ce_id}: the same id twice is a redelivery. */
    public void publish(String key, String id, Object event) {
        publish(key, id, event, Map.of());
    }

    /** ... with more headers, such as a {@code traceparent}. */
    public void publish(String key, String id, Object event, Map<String, String> headers) {
        publishOn(EventTypes.of(event).topic(), key, id, event, headers);
    }

    /**
     * Publishes an event of the contracts on another topic: one of the further topics its type travels on, or a topic
     * MirrorMaker 2 names after an office.
     */
    public void publishOn(String topic, String key, String id, Object event) {
        publishOn(topic, key, id, event, Map.of());
    }

    private void publishOn(String topic, String key, String id, Object event, Map<String, String> headers) {
        try {
            sendCloudEvent(topic, key, id, EventTypes.of(event).name(), JSON.writeValueAsString(event), headers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a record in CloudEvents binary mode, as the services' outboxes do; any value, even an unreadable one. */
    public void sendCloudEvent(String topic, String key, String id, String type, String json) {
        sendCloudEvent(topic, key, id, type, json, Map.of());
    }

    /** ... with more headers, such as the W3C {@code traceparent} an office's outbox adds. */
    public void sendCloudEvent(
            String topic, String key, String id, String type, String json, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        headers.forEach((name, value) -> record.headers().add(name, bytes(value)));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("/ltsa/test"))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        send(record);
    }

    public void send(ProducerRecord<String, String> record) {
        Future<RecordMetadata> sent = producer.send(record);
        if (gathered != null) {
            gathered.add(sent);
        } else {
            acknowledged(sent, record.topic());
        }
    }

    /** Sends made by a test, which may throw. */
    @FunctionalInterface
    public interface Sends {
        void run() throws Exception;
    }

    /**
     * Makes the sends without waiting for each: the producer gathers them into one request, so they reach the topic
     * together and a consumer's next poll brings them as one batch. Returns once the broker has them all.
     */
    public synchronized void together(Sends sends) throws Exception {
        gathered = new ArrayList<>();
        try {
            sends.run();
            producer.flush();
            for (Future<RecordMetadata> sent : gathered) {
                acknowledged(sent, "the topics of the sends");
            }
        } finally {
            gathered = null;
        }
    }

    private static void acknowledged(Future<RecordMetadata> sent, String topic) {
        try {
            sent.get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    /** The committed offsets of a consumer group, by partition. */
    public Map<TopicPartition, Long> committedOffsets(String group) {
        try (Admin admin = Admin.create(connection)) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> offsets.put(partition, offset == null ? 0 : offset.offset()));
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of " + group, e);
        }
    }

    /** The end offset of each partition of a topic. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(with(Map.of()), new StringDeserializer(), new StringDeserializer())) {
            return consumer.endOffsets(partitionsOf(consumer, topic));
        }
    }

    /** Every record on the topic so far that matches, read from the beginning of each partition. */
    public List<ConsumerRecord<String, String>> records(
            String topic, Predicate<ConsumerRecord<String, String>> filter) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                // committed records only: MirrorMaker 2 writes the ministry's topics in exactly-once transactions
                with(Map.of("enable.auto.commit", "false", "isolation.level", "read_committed")),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> assigned = partitionsOf(consumer, topic);
            if (assigned.isEmpty()) {
                return List.of();
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                }
            }
            return matching;
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return partitions == null
                ? List.of()
                : partitions.stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
    }

    public List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        return records(topic, record -> key.equals(record.key()));
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
