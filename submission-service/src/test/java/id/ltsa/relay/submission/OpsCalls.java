package id.ltsa.relay.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import java.time.Duration;

/** What the tests do through the ops API, from any package of this service's tests. */
public final class OpsCalls {

    private OpsCalls() {}

    public static String token() {
        return RealInfrastructure.tokens().token(null, "ops");
    }

    /** Until nothing waits for the central API: what earlier tests sent has gone. */
    public static void awaitEmptyBacklog() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(token())
                .get("/api/v1/ops/backlog")
                .then()
                .body("pending", equalTo(0)));
    }

    public static void pause() {
        given().auth().oauth2(token()).post("/api/v1/ops/link/pause").then().statusCode(200);
    }

    public static void resume() {
        given().auth().oauth2(token()).post("/api/v1/ops/link/resume").then().statusCode(200);
    }
}
