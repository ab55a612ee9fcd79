package id.ltsa.relay.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic back, as the broker holds it now: the {@code ce_id}s of its records from a time up to its current end.
 * A plain consumer of Kafka's own client, assigned rather than in a group, so it commits nothing and moves no one's
 * offsets.
 */
final class TopicReader {

    private final KafkaConnection connection;

    TopicReader(KafkaConnection connection) {
        this.connection = connection;
    }

    /**
     * @return the ids of the events in {@code topic} whose records were written at or after {@code since}
     * @throws org.apache.kafka.common.errors.TimeoutException when the broker does not answer within {@code timeout}
     */
    Set<UUID> eventIdsSince(String topic, Instant since, Duration timeout) {
        Map<String, Object> properties = connection.settings();
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-audit");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        Instant deadline = Instant.now().plus(timeout);
        Set<UUID> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(partition -> at.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(at, timeout);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> toRead = new HashMap<>();
            starts.forEach((partition, start) -> {
                if (start != null && start.offset() < ends.get(partition)) {
                    toRead.put(partition, start.offset());
                }
            });
            consumer.assign(toRead.keySet());
            toRead.forEach(consumer::seek);
            while (!toRead.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new org.apache.kafka.common.errors.TimeoutException(
                            "reading " + topic + " back took longer than " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        parse(new String(id.value(), StandardCharsets.UTF_8)).ifPresent(ids::add);
                    }
                }
                toRead.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
                consumer.assign(toRead.keySet());
            }
        }
        return ids;
    }

    /** Every outbox's ids are UUIDs; a record some other producer wrote cannot be one of ours. */
    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
