package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpsApiTest {

    static String ops() {
        return RealInfrastructure.tokens().token(null, "ops");
    }

    @AfterEach
    void resume() {
        given().auth().oauth2(ops()).post("/api/v1/ops/link/resume").then().statusCode(200);
        TestEvents.linkBackUp();
    }

    @Test
    void a_paused_link_holds_applications_in_the_backlog_until_resumed() throws Exception {
        given().auth().oauth2(ops()).post("/api/v1/ops/link/pause").then().statusCode(200)
                .body("paused", equalTo(true));
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ops())
                .get("/api/v1/ops/backlog").then().statusCode(200)
                .body("pending", greaterThanOrEqualTo(1))
                .body("byOffice.find { it.officeCode == '5203' }.pending", greaterThanOrEqualTo(1)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id).then().statusCode(404);

        given().auth().oauth2(ops()).post("/api/v1/ops/link/resume").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id).then().statusCode(200));
    }

    @Test
    void the_backlog_is_for_ops_and_the_ministry_only() {
        given().auth().oauth2(RealInfrastructure.tokens().token(null, "ministry")).get("/api/v1/ops/backlog")
                .then().statusCode(200);
        given().auth().oauth2(RealInfrastructure.tokens().token("5203", "office")).get("/api/v1/ops/backlog")
                .then().statusCode(403);
        given().get("/api/v1/ops/backlog").then().statusCode(401);
        given().auth().oauth2(RealInfrastructure.tokens().token(null, "ministry")).post("/api/v1/ops/link/pause")
                .then().statusCode(403);
    }

    @Test
    void retry_now_of_an_unknown_application_is_404() {
        given().auth().oauth2(ops()).post("/api/v1/ops/submissions/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404);
    }
}
