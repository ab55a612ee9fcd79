package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static id.ltsa.relay.submission.TestEvents.simulatorMode;
import static id.ltsa.relay.submission.TestEvents.statuses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructure.class,
        initArgs = {
            @ResourceArg(name = "database", value = "submission"),
            @ResourceArg(name = "simulator", value = "true")
        })
class SubmissionFlowTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void linkUp() {
        TestEvents.linkBackUp();
    }

    @Test
    void a_received_application_reaches_the_central_api_once_and_is_reported_submitted() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        publishReceived(id, eventId);
        publishReceived(id, eventId); // redelivered: same CloudEvents id

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "SUBMITTED"), statuses(id)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .statusCode(200)
                .body("creates", equalTo(1))
                .body("revisions[0].idempotencyKey", equalTo(id + "-r1"));
        JsonNode submitted = KafkaTestClient.JSON.readTree(TestEvents.kafka()
                .recordsWithKey(Topics.APPLICATION_STATUS, id.toString())
                .get(1)
                .value());
        assertEquals("QUEUED", submitted.get("previousStatus").asText());
        assertEquals(TestEvents.TRACKING_CODE, submitted.get("trackingCode").asText());
        assertEquals(SampleApplicant.OFFICE, submitted.get("officeCode").asText());
        assertEquals(1, submitted.get("attempt").asInt());
        assertEquals(1, submitted.get("revision").asInt());
        assertFalse(submitted.get("centralReference").asText().isBlank());
        assertTrue(submitted.get("nextAttemptAt").isNull(), "nothing more to attempt");
    }

    @Test
    void the_same_application_under_another_event_id_is_queued_once() throws Exception {
        UUID id = UUID.randomUUID();
        String again = UUID.randomUUID().toString();

        publishReceived(id, UUID.randomUUID().toString());
        publishReceived(id, again); // published again by intake, under an id of its own

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(again));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "SUBMITTED"), statuses(id)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .body("creates", equalTo(1));
    }

    private boolean applied(String eventId) throws Exception {
        return TestEvents.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1;
    }

    @Test
    void while_the_link_is_down_an_application_is_delayed_once_and_submitted_when_it_returns() throws Exception {
        simulatorMode("{\"mode\":\"DOWN\"}");
        UUID id = UUID.randomUUID();

        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("DELAYED"));
        simulatorMode("{\"mode\":\"UP\"}");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "DELAYED", "SUBMITTED"), statuses(id)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .body("creates", equalTo(1));
    }

    @Test
    void invalid_data_at_the_central_api_returns_the_application_with_the_reason() throws Exception {
        simulatorMode("{\"mode\":\"REJECT_ALL\"}");
        UUID id = UUID.randomUUID();

        publishReceived(id, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "RETURNED"), statuses(id)));
        var returned = TestEvents.kafka()
                .recordsWithKey(Topics.APPLICATION_STATUS, id.toString())
                .get(1);
        String reason =
                KafkaTestClient.JSON.readTree(returned.value()).get("reason").asText();
        assertTrue(
                reason.contains("applicant.nik") && reason.contains("Dukcapil"),
                "the central API's reason, so the office knows what to correct: " + reason);
    }
}
