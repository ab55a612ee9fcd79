package id.ltsa.relay.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleStatusChange;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusReadModelTest {

    @Test
    void follows_status_events_and_ignores_duplicates_and_stale_ones() throws Exception {
        String id = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            publish(kafka, id, ApplicationStatus.QUEUED, null);
            publish(kafka, id, ApplicationStatus.SUBMITTED, "PAS-1234");
            publish(kafka, id, ApplicationStatus.SUBMITTED, "PAS-1234"); // redelivered
            publish(kafka, id, ApplicationStatus.DELAYED, null); // arrives late, from before SUBMITTED

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                    .oauth2(ApplicationRegistrationTest.officeToken(ApplicationRegistrationTest.LOMBOK_TIMUR))
                    .get("/api/v1/applications/" + id)
                    .then()
                    .body("status", equalTo("SUBMITTED"))
                    .body("centralReference", equalTo("PAS-1234"))
                    .body("statusHistory.status", contains("RECEIVED", "QUEUED", "SUBMITTED")));
        }
    }

    /** A final status never moves again, not for a status of the same rank nor for a later revision. */
    @Test
    void a_final_status_is_kept_whatever_comes_after_it() throws Exception {
        String id = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            publish(kafka, id, ApplicationStatus.SUBMITTED, "PAS-5678");
            publish(kafka, id, ApplicationStatus.REJECTED, null);
            publish(kafka, id, ApplicationStatus.ISSUED, null); // the same rank as REJECTED
            kafka.publish(
                    id,
                    SampleStatusChange.of(id, ApplicationStatus.RECEIVED)
                            .revision(2)
                            .build());
            // all of them consumed (and committed after their transaction) before the application is looked at
            Map<TopicPartition, Long> published = kafka.endOffsets(Topics.APPLICATION_STATUS);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, Long> committed = kafka.committedOffsets("intake-service.status");
                return published.entrySet().stream()
                        .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
            });

            given().auth()
                    .oauth2(ApplicationRegistrationTest.officeToken(ApplicationRegistrationTest.LOMBOK_TIMUR))
                    .get("/api/v1/applications/" + id)
                    .then()
                    .body("status", equalTo("REJECTED"))
                    .body("revision", equalTo(1))
                    .body("statusHistory.status", contains("RECEIVED", "SUBMITTED", "REJECTED"));
        }
    }

    /**
     * A status record intake cannot read is not skipped in silence: its inbox puts it on
     * {@code ltsa.intake-service.dlq}, with the reason, and reads the next.
     */
    @Test
    void an_unreadable_status_record_goes_to_the_dead_letter_topic_and_the_next_one_is_read() throws Exception {
        String id = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);
        String poison = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            kafka.sendCloudEvent(
                    Topics.APPLICATION_STATUS,
                    poison,
                    UUID.randomUUID().toString(),
                    ApplicationStatusChanged.TYPE,
                    "{\"applicationId\": 42");
            publish(kafka, id, ApplicationStatus.QUEUED, null);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                    .oauth2(ApplicationRegistrationTest.officeToken(ApplicationRegistrationTest.LOMBOK_TIMUR))
                    .get("/api/v1/applications/" + id)
                    .then()
                    .body("status", equalTo("QUEUED")));
            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.recordsWithKey(Topics.INTAKE_DLQ, poison), records -> !records.isEmpty());
            assertEquals(
                    "not a valid " + ApplicationStatusChanged.TYPE + " at line 1 column 19",
                    KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
            assertEquals(Topics.APPLICATION_STATUS, KafkaTestClient.header(dead.get(0), "dead-letter-topic"));
        }
    }

    private void publish(KafkaTestClient kafka, String id, ApplicationStatus status, String reference)
            throws Exception {
        ApplicationStatusChanged event =
                SampleStatusChange.of(id, status).centralReference(reference).build();
        kafka.publish(id, event);
    }
}
