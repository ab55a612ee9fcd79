package id.ltsa.relay.submission.lag;

import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.outbox.KafkaConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every consumer group's committed offsets and the partitions' end offsets from the broker, with Kafka's own
 * admin client, the way {@code kafka-consumer-groups.sh --describe} does. The age of the first unconsumed record is
 * read from the record itself: offsets say how many records wait, only the record says for how long.
 */
@ApplicationScoped
class LagSampler {

    private static final long TIMEOUT_SECONDS = 5;

    private final KafkaConnection connection;
    private final Clock clock;
    private Admin admin;
    private KafkaConsumer<byte[], byte[]> peeker;

    LagSampler(KafkaConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Every consumer group of the cluster, now. Called from one thread at a time. */
    List<GroupSample> sample() throws InterruptedException, ExecutionException, TimeoutException {
        connect();
        Instant now = clock.instant();
        Set<String> groups = await(admin.listConsumerGroups().all()).stream()
                .map(ConsumerGroupListing::groupId)
                .collect(Collectors.toSet());
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions =
                await(admin.describeConsumerGroups(groups).all());
        // every group's commits in one call: one coordinator lookup and one offset fetch for all of them, not a pair
        // per group (on an idle office's broker, the pairs were most of its requests)
        Map<String, ListConsumerGroupOffsetsSpec> everyGroup = new HashMap<>();
        groups.forEach(group -> everyGroup.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> commits =
                await(admin.listConsumerGroupOffsets(everyGroup).all());
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String group : groups) {
            committed.put(group, committedOffsets(descriptions.get(group), commits.getOrDefault(group, Map.of())));
        }
        Set<TopicPartition> partitions = committed.values().stream()
                .flatMap(offsets -> offsets.keySet().stream())
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> beginnings = offsets(partitions, OffsetSpec.earliest());

        List<GroupSample> samples = new ArrayList<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetSample> byPartition = new HashMap<>();
            committed.get(group).forEach((partition, offset) -> {
                // a partition the group was given but never committed on is read from its beginning
                long position = offset < 0 ? beginnings.getOrDefault(partition, 0L) : offset;
                long end = ends.getOrDefault(partition, position);
                byPartition.put(
                        partition,
                        new OffsetSample(
                                now, position, end, end > position ? ageOfRecordAt(partition, position, now) : 0));
            });
            ConsumerGroupDescription description = descriptions.get(group);
            samples.add(new GroupSample(
                    group, description != null && !description.members().isEmpty(), byPartition));
        }
        return samples;
    }

    /**
     * Records waiting in each dead-letter topic of the office (submission's, intake's, notification's): anything above
     * zero needs a person to look. A topic not made yet holds none.
     */
    Map<String, Long> deadLetters() throws InterruptedException, ExecutionException, TimeoutException {
        connect();
        Set<String> existing = await(admin.listTopics().names());
        List<String> topics =
                Topics.DEAD_LETTERS.stream().filter(existing::contains).toList();
        Map<String, Long> waiting = new HashMap<>();
        Topics.DEAD_LETTERS.forEach(topic -> waiting.put(topic, 0L));
        if (topics.isEmpty()) {
            return waiting;
        }
        Set<TopicPartition> partitions = await(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(topic ->
                        topic.partitions().stream().map(info -> new TopicPartition(topic.name(), info.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> beginnings = offsets(partitions, OffsetSpec.earliest());
        partitions.forEach(partition ->
                waiting.merge(partition.topic(), ends.get(partition) - beginnings.get(partition), Long::sum));
        return waiting;
    }

    /** Committed offsets, plus -1 for assigned partitions without a commit yet. */
    private static Map<TopicPartition, Long> committedOffsets(
            ConsumerGroupDescription description, Map<TopicPartition, OffsetAndMetadata> commits) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (description != null) {
            description.members().forEach(member -> member.assignment()
                    .topicPartitions()
                    .forEach(partition -> offsets.put(partition, -1L)));
        }
        commits.forEach((partition, commit) -> {
            if (commit != null) {
                offsets.put(partition, commit.offset());
            }
        });
        return offsets;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answers =
                await(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answers.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private long ageOfRecordAt(TopicPartition partition, long offset, Instant now) {
        peeker.assign(List.of(partition));
        peeker.seek(partition, offset);
        try {
            for (ConsumerRecord<byte[], byte[]> record : peeker.poll(Duration.ofMillis(500))) {
                return Math.max(
                        0,
                        Duration.between(Instant.ofEpochMilli(record.timestamp()), now)
                                .toSeconds());
            }
        } catch (AuthorizationException notOurs) {
            // the broker's ACLs let this service describe every topic but read only the office's own: the age of a
            // record elsewhere is unknown, its lag in records is still counted
            return 0;
        }
        return 0; // not fetched in time (or deleted by retention): unknown rather than wrong
    }

    private void connect() {
        if (admin != null) {
            return;
        }
        Map<String, Object> properties = connection.settings();
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "submission-service-lag-monitor");
        admin = Admin.create(properties);
        Map<String, Object> consumer = connection.settings();
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "submission-service-lag-peeker");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        peeker = new KafkaConsumer<>(consumer);
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            peeker.close(Duration.ofSeconds(2));
        }
    }
}
