package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static id.ltsa.relay.submission.TestEvents.simulatorMode;
import static id.ltsa.relay.submission.TestEvents.statuses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.ApplicationAmended;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.PlacementDetails;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amendments are sent again under a new key; a withdrawal stops a pending send; a poison record goes aside. */
@QuarkusTest
class ApplicationChangesTest {

    @BeforeEach
    @AfterEach
    void linkUp() {
        TestEvents.linkBackUp();
    }

    @Test
    void an_amended_application_is_sent_again_as_a_new_revision() throws Exception {
        simulatorMode("{\"mode\":\"REJECT_ALL\"}");
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("RETURNED"));
        simulatorMode("{\"mode\":\"UP\"}");

        ApplicationAmended amended = new ApplicationAmended(
                id,
                TestEvents.TRACKING_CODE,
                SampleApplicant.OFFICE,
                "PASSPORT",
                2,
                SampleApplicant.details(SampleApplicant.NIK, SampleApplicant.PHONE, null),
                new PlacementDetails("JP", "G_TO_G", "Toyota Boshoku", "Operator", null),
                Instant.now());
        TestEvents.kafka().publish(id.toString(), amended);

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("SUBMITTED"));
        assertEquals(List.of("QUEUED", "RETURNED", "QUEUED", "SUBMITTED"), statuses(id));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .body("creates", equalTo(1))
                .body("revisions[0].idempotencyKey", equalTo(id + "-r2"));
    }

    @Test
    void a_withdrawal_stops_a_send_that_waits_for_the_link() throws Exception {
        simulatorMode("{\"mode\":\"DOWN\"}");
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("DELAYED"));

        ApplicationWithdrawn withdrawn = new ApplicationWithdrawn(
                id, TestEvents.TRACKING_CODE, SampleApplicant.OFFICE, 1, "changed plans", Instant.now());
        TestEvents.kafka().publish(id.toString(), withdrawn);
        UUID later = UUID.randomUUID(); // queued after the withdrawal on the same partition order: a marker
        publishReceived(later, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(later).contains("DELAYED"));
        TestEvents.linkBackUp();

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(later).contains("SUBMITTED"));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_the_next_one_is_processed() throws Exception {
        UUID poison = UUID.randomUUID();
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Topics.APPLICATIONS, poison.toString(), "{not json at all");
        record.headers()
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "id.ltsa.application.received.v1".getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        TestEvents.kafka().send(record);
        UUID next = UUID.randomUUID();
        publishReceived(next, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(next).contains("SUBMITTED"));
        var dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestEvents.kafka().recordsWithKey(Topics.APPLICATIONS_DLQ, poison.toString()),
                        r -> !r.isEmpty());
        String reason = id.ltsa.relay.localstack.testing.KafkaTestClient.header(dead.get(0), "dead-letter-reason");
        assertEquals(true, reason != null && reason.contains("not a valid"), reason);
    }
}
