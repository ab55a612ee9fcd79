package id.ltsa.relay.submission.heartbeat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.junit.jupiter.api.Test;

/**
 * The office's heartbeats on the real broker, read back with MirrorMaker 2's own decoder (as ministry-watch reads
 * them after the ministry's MirrorMaker 2 has replicated them): one per interval, dated now, on a topic made the way
 * MirrorMaker's heartbeat connector makes it.
 */
@QuarkusTest
class OfficeHeartbeatTest {

    @Test
    void the_office_writes_mirror_makers_heartbeats_each_interval() throws Exception {
        Instant started = Instant.now();
        List<Heartbeat> read = new ArrayList<>();
        Map<String, Object> settings = RealInfrastructure.kafkaAdminConfig();
        settings.putAll(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                // asking for a topic not there yet must not make it (with the broker's 3 partitions, uncompacted)
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
            TopicPartition partition = new TopicPartition(OfficeHeartbeat.TOPIC, 0);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.partitionsFor(OfficeHeartbeat.TOPIC).size() == 1);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // three written after the test began: one per interval (1 s in tests), each later than the one before
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(Heartbeat.deserializeRecord(record)));
                return read.stream()
                                .filter(h -> h.timestamp() >= started.toEpochMilli())
                                .count()
                        >= 3;
            });
        }
        List<Heartbeat> recent = read.stream()
                .filter(h -> h.timestamp() >= started.toEpochMilli())
                .toList();
        for (Heartbeat heartbeat : recent) {
            assertEquals("5203", heartbeat.sourceClusterAlias());
            assertEquals("ministry", heartbeat.targetClusterAlias());
            assertTrue(heartbeat.timestamp() <= System.currentTimeMillis(), heartbeat::toString);
        }
        for (int i = 1; i < recent.size(); i++) {
            assertTrue(recent.get(i).timestamp() > recent.get(i - 1).timestamp(), "each later than the one before");
        }

        try (Admin admin = Admin.create(RealInfrastructure.kafkaAdminConfig())) {
            TopicDescription topic = admin.describeTopics(Set.of(OfficeHeartbeat.TOPIC))
                    .allTopicNames()
                    .get()
                    .get(OfficeHeartbeat.TOPIC);
            assertEquals(1, topic.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, OfficeHeartbeat.TOPIC);
            assertEquals(
                    "compact",
                    admin.describeConfigs(Set.of(resource))
                            .all()
                            .get()
                            .get(resource)
                            .get("cleanup.policy")
                            .value());
        }
    }
}
