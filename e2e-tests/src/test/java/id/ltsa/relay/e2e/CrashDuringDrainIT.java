package id.ltsa.relay.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.ServiceProcess;
import id.ltsa.relay.localstack.StackSettings;
import id.ltsa.relay.scenario.Applicants;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of submission-service while it drains a backlog after an outage: after the restart every application still
 * reaches the central API, and none twice.
 */
class CrashDuringDrainIT {

    static final int APPLICATIONS = 40;
    static LocalStack stack;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-crash-"))).start();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_killed_submission_service_loses_and_doubles_nothing() {
        String office = stack.tokens().token("5203", "office");
        String ops = stack.tokens().token(null, "ops");
        String simulator = stack.url(Service.CENTRAL_API_SIMULATOR);
        mode(simulator, "DOWN");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            ids.add(given().auth()
                    .oauth2(office)
                    .contentType(ContentType.JSON)
                    .body(Applicants.body(SampleApplicant.nik(2000 + i), "+62812345" + (10000 + i)))
                    .post(stack.url(Service.INTAKE) + "/api/v1/applications")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(ops)
                .get(stack.url(Service.SUBMISSION) + "/api/v1/ops/backlog")
                .then()
                .body("delayed", equalTo(APPLICATIONS)));

        mode(simulator, "UP");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get(simulator + "/sim/stats").jsonPath().getInt("uniqueApplications") >= 5);
        ServiceProcess submission = stack.service(Service.SUBMISSION);
        submission.kill();
        submission.launch();
        submission.awaitReady(Duration.ofSeconds(120));

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth()
                    .oauth2(office)
                    .get(stack.url(Service.INTAKE) + "/api/v1/applications/" + id)
                    .then()
                    .body("status", equalTo("SUBMITTED")));
            given().get(simulator + "/sim/applications/" + id).then().body("creates", equalTo(1));
        }
        var stats = given().get(simulator + "/sim/stats").jsonPath();
        assertEquals(APPLICATIONS, stats.getInt("uniqueApplications"));
        assertEquals(0, stats.getInt("duplicateCreates"));
        given().auth()
                .oauth2(ops)
                .get(stack.url(Service.SUBMISSION) + "/api/v1/ops/backlog")
                .then()
                .body("pending", equalTo(0));
    }

    private static void mode(String simulator, String mode) {
        given().contentType(ContentType.JSON)
                .body("{\"mode\":\"" + mode + "\"}")
                .put(simulator + "/sim/mode")
                .then()
                .statusCode(200);
    }
}
