package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.kafka;
import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CentralCallbackTest {

    final ObjectMapper json = new ObjectMapper();

    @org.junit.jupiter.api.BeforeEach
    void linkUp() {
        TestEvents.linkBackUp();
    }

    @Test
    void a_callback_body_over_64_kib_is_refused_before_it_is_read_whole() {
        // unauthenticated until its HMAC is checked, so its size is bounded first: 64 KiB, not Quarkus's 10 MiB
        String padding = "x".repeat(100 * 1024);
        given().contentType(ContentType.JSON).header("X-Signature", "sha256=00")
                .body("{\"centralReference\":\"C-1\",\"status\":\"ISSUED\",\"reason\":\"" + padding + "\"}")
                .post("/api/v1/central/callbacks").then().statusCode(413);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/central/callbacks").then().statusCode(401);
    }

    @Test
    void a_signed_decision_moves_the_application_once_and_a_forged_one_changes_nothing() throws Exception {
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("SUBMITTED"));
        String reference = given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then().extract().path("revisions[0].centralReference");
        String forged = "{\"centralReference\":\"" + reference + "\",\"status\":\"REJECTED\",\"reason\":\"x\","
                + "\"occurredAt\":\"2026-11-28T00:00:00Z\"}";

        given().contentType(ContentType.JSON).header("X-Signature", "sha256=" + "ab".repeat(32)).body(forged)
                .post("/api/v1/central/callbacks").then().statusCode(401);
        given().contentType(ContentType.JSON).body(forged).post("/api/v1/central/callbacks").then().statusCode(401);
        decide(reference, "APPROVED").then().statusCode(200).body("callbackStatus", equalTo(200));
        decide(reference, "APPROVED").then().statusCode(200).body("callbackStatus", equalTo(200));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                List.of("QUEUED", "SUBMITTED", "APPROVED"), statuses(id)));
    }

    private static io.restassured.response.Response decide(String reference, String status) {
        return given().contentType(ContentType.JSON).body(Map.of("status", status, "reason", "ok"))
                .post(RealInfrastructure.simulatorUrl() + "/sim/applications/" + reference + "/decision");
    }

    private static List<String> statuses(UUID id) {
        return TestEvents.statuses(id);
    }
}
