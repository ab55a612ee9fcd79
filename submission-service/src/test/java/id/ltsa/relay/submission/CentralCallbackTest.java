package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
        given().contentType(ContentType.JSON)
                .header("X-Signature", "sha256=00")
                .body("{\"centralReference\":\"C-1\",\"status\":\"ISSUED\",\"reason\":\"" + padding + "\"}")
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(413);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(401);
    }

    @Test
    void a_signed_decision_moves_the_application_once_and_a_forged_one_changes_nothing() throws Exception {
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("SUBMITTED"));
        String reference = given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .extract()
                .path("revisions[0].centralReference");
        String forged = "{\"centralReference\":\"" + reference + "\",\"status\":\"REJECTED\",\"reason\":\"x\","
                + "\"occurredAt\":\"2026-11-28T00:00:00Z\"}";

        given().contentType(ContentType.JSON)
                .header("X-Signature", "sha256=" + "ab".repeat(32))
                .body(forged)
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(forged)
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(401);
        decide(reference, "APPROVED").then().statusCode(200).body("callbackStatus", equalTo(200));
        decide(reference, "APPROVED").then().statusCode(200).body("callbackStatus", equalTo(200));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "SUBMITTED", "APPROVED"), statuses(id)));
    }

    @Test
    void a_captured_callback_sent_again_changes_nothing_and_an_old_or_tampered_one_is_refused() throws Exception {
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("SUBMITTED"));
        String reference = given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .extract()
                .path("revisions[0].centralReference");
        long now = Instant.now().getEpochSecond();
        String approved = decision(reference, "APPROVED");
        String rejected = decision(reference, "REJECTED");

        // taken once; the very same request again (a capture sent back, or central's retry) changes nothing
        signed("cb-" + id, now, approved)
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(200)
                .body("result", equalTo("APPLIED"));
        signed("cb-" + id, now, approved)
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(200)
                .body("result", equalTo("REPLAYED"));
        // rightly signed, but ten minutes old: past the 5-minute tolerance
        signed("cb-old-" + id, now - 600, rejected)
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(401)
                .body("detail", equalTo("X-Callback-Timestamp is outside the tolerance"));
        // an old capture with its timestamp moved to now: the signature no longer matches
        given().contentType(ContentType.JSON)
                .header("X-Callback-Id", "cb-moved-" + id)
                .header("X-Callback-Timestamp", Long.toString(now))
                .header("X-Signature", signature("cb-moved-" + id, now - 600, rejected))
                .body(rejected)
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(401)
                .body("detail", equalTo("invalid signature"));
        // the contract's first scheme, the body alone under the HMAC, is no longer enough
        given().contentType(ContentType.JSON)
                .header("X-Signature", "sha256=" + hmac(rejected))
                .body(rejected)
                .post("/api/v1/central/callbacks")
                .then()
                .statusCode(401);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "SUBMITTED", "APPROVED"), statuses(id)));
    }

    private static String decision(String reference, String status) {
        return "{\"centralReference\":\"" + reference + "\",\"status\":\"" + status + "\",\"reason\":\"r\","
                + "\"occurredAt\":\"2026-12-04T00:00:00Z\"}";
    }

    private static io.restassured.specification.RequestSpecification signed(String callbackId, long at, String body) {
        return given().contentType(ContentType.JSON)
                .header("X-Callback-Id", callbackId)
                .header("X-Callback-Timestamp", Long.toString(at))
                .header("X-Signature", signature(callbackId, at, body))
                .body(body);
    }

    /** Signed as central signs (the test profile's secret): the id, the timestamp and the body. */
    private static String signature(String callbackId, long at, String body) {
        return "sha256=" + hmac(callbackId + "." + at + "." + body);
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("ltsa-dev-callback-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.Response decide(String reference, String status) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("status", status, "reason", "ok"))
                .post(RealInfrastructure.simulatorUrl() + "/sim/applications/" + reference + "/decision");
    }

    private static List<String> statuses(UUID id) {
        return TestEvents.statuses(id);
    }
}
