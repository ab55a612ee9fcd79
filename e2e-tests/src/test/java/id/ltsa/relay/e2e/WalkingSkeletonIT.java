package id.ltsa.relay.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.StackSettings;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as separate processes, started exactly as `ltsa up` starts it: an office registers an application
 * and, without anyone touching anything, the central API holds it once, intake reports it SUBMITTED and the applicant
 * has been told twice.
 */
class WalkingSkeletonIT {

    static LocalStack stack;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-"))).start();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void an_application_posted_at_an_office_reaches_the_central_api_and_comes_back_submitted() {
        String token = stack.tokens().token("5203", "office");
        String phone = "+6281234500017";

        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Bodies.application("5203010504950017", phone))
                .post(stack.url(Service.INTAKE) + "/api/v1/applications")
                .then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .get(stack.url(Service.INTAKE) + "/api/v1/applications/" + id)
                .then().body("status", equalTo("SUBMITTED"))
                .body("statusHistory.status", contains("RECEIVED", "QUEUED", "SUBMITTED")));
        given().get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/applications/" + id)
                .then().statusCode(200).body("creates", equalTo(1))
                .body("revisions[0].idempotencyKey", equalTo(id + "-r1"));
        given().get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/stats")
                .then().body("duplicateCreates", equalTo(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("to", phone)
                .get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/messages")
                .then().body("items", hasSize(2)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                .queryParam("applicationId", id)
                .get(stack.url(Service.NOTIFICATION) + "/api/v1/notifications")
                .then().body("items.transition", contains("RECEIVED", "SUBMITTED"))
                .body("items.status", contains("SENT", "SENT")));
    }

    @Test
    void every_service_serves_health_metrics_and_openapi() {
        for (Service service : Service.values()) {
            for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
                given().get(stack.url(service) + path).then().statusCode(200);
            }
        }
    }
}
