package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox applies what one poll brings in one transaction. A burst of application events sent together, with an
 * unreadable record and a redelivered event among them, still leaves each application queued once and sent to central
 * once, the unreadable record alone on the dead-letter topic, the redelivery changing nothing, and the group's offsets
 * past all of it.
 */
@QuarkusTest
class BatchConsumptionTest {

    private static final int BURST = 40;

    @BeforeEach
    void linkUp() {
        TestEvents.linkBackUp();
    }

    @Test
    void a_burst_with_a_poison_record_and_a_redelivery_in_it_is_applied_once_each() throws Exception {
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(BURST).toList();
        String redelivered = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        // sent together, so the service's next poll brings them as one batch
        TestEvents.kafka().together(() -> {
            for (int i = 0; i < BURST; i++) {
                publishReceived(
                        ids.get(i), i == 5 ? redelivered : UUID.randomUUID().toString());
                if (i == 10) {
                    TestEvents.kafka()
                            .sendCloudEvent(
                                    Topics.APPLICATIONS,
                                    poison,
                                    UUID.randomUUID().toString(),
                                    "id.ltsa.application.received.v1",
                                    "{\"applicationId\": ");
                }
                if (i == 20) {
                    publishReceived(ids.get(5), redelivered);
                }
            }
        });
        Map<TopicPartition, Long> end = TestEvents.kafka().endOffsets(Topics.APPLICATIONS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> statuses = TestEvents.statusesByApplication();
            for (UUID id : ids) {
                assertEquals(List.of("QUEUED", "SUBMITTED"), statuses.get(id.toString()), id.toString());
            }
        });
        for (UUID id : ids) {
            given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                    .then()
                    .body("creates", equalTo(1));
        }
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestEvents.kafka().recordsWithKey(Topics.APPLICATIONS_DLQ, poison),
                        records -> !records.isEmpty());
        String reason = KafkaTestClient.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.contains("not a valid"), reason);
        // only the unreadable record was set aside: none of the burst's applied records followed it
        List<String> burst = ids.stream().map(UUID::toString).toList();
        assertEquals(
                List.of(), TestEvents.kafka().records(Topics.APPLICATIONS_DLQ, record -> burst.contains(record.key())));
        // and the group's offsets moved past the whole burst, the unreadable record included
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<TopicPartition, Long> committed = TestEvents.kafka().committedOffsets("submission-service");
            end.forEach((partition, offset) ->
                    assertTrue(committed.getOrDefault(partition, 0L) >= offset, partition + " at " + committed));
        });
    }

    @Inject
    KafkaClientService kafkaClients;

    @Test
    void the_inbox_module_sets_how_every_channel_consumes() {
        // from the inbox module's microprofile-config.properties, which the service's own configuration does not repeat
        Map<String, ?> consumer = kafkaClients.getConsumer("applications").configuration();
        assertEquals("100", String.valueOf(consumer.get("max.poll.records")), "a poll's records, one transaction");
        assertEquals("5000", String.valueOf(consumer.get("fetch.max.wait.ms")), "an empty fetch waits 5 s");
        assertEquals("10000", String.valueOf(consumer.get("heartbeat.interval.ms")), "a heartbeat every 10 s");
        assertEquals(
                "submission-service-test",
                String.valueOf(consumer.get("group.instance.id")),
                "a static member: a restart takes its place back at once");
    }
}
