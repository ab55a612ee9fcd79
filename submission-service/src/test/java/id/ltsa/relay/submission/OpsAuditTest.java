package id.ltsa.relay.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pausing, resuming and retrying change how applications flow: each is in submission-service's audit trail. */
@QuarkusTest
class OpsAuditTest {

    @Test
    void a_pause_a_resume_and_a_retry_are_recorded_with_who_did_them() {
        String operator = RealInfrastructure.tokens().token(null, "ops");
        long before = trail("action=LINK_PAUSE").getLong("total");
        OpsCalls.pause();
        OpsCalls.resume();
        UUID unknown = UUID.randomUUID();
        given().auth()
                .oauth2(operator)
                .post("/api/v1/ops/submissions/" + unknown + "/retry")
                .then()
                .statusCode(404);
        // an office may not retry: refused, and recorded as refused
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .post("/api/v1/ops/submissions/" + unknown + "/retry")
                .then()
                .statusCode(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(before + 1, trail("action=LINK_PAUSE").getLong("total"));
            JsonPath retries = trail("applicationId=" + unknown);
            assertEquals(List.of("SUBMISSION_RETRY", "SUBMISSION_RETRY"), retries.getList("items.action"));
            assertEquals(List.of(403, 404), retries.getList("items.outcome"));
            assertEquals(List.of("office-5203", "ops-all"), retries.getList("items.subject"));
        });
        assertEquals("ops-all", trail("action=LINK_RESUME").getString("items[0].subject"));
    }

    private static JsonPath trail(String query) {
        return given().auth()
                .oauth2(OpsCalls.token())
                .get("/api/v1/audit?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
