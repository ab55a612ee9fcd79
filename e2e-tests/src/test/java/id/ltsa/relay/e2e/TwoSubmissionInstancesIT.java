package id.ltsa.relay.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Processes;
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

/** Two submission-service instances on one database and broker drain one backlog: neither sends twice, none stalls. */
class TwoSubmissionInstancesIT {

    static final int APPLICATIONS = 40;
    static LocalStack stack;
    static ServiceProcess second;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-two-"))).start();
        second = stack.startAnotherInstance(Service.SUBMISSION, Processes.freePort());
    }

    @AfterAll
    static void stopTheStack() {
        if (second != null) {
            second.stop();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void two_instances_share_the_backlog_without_doubling_anything() {
        String office = stack.tokens().token("5201", "office");
        String ops = stack.tokens().token(null, "ops");
        String simulator = stack.url(Service.CENTRAL_API_SIMULATOR);
        given().contentType(ContentType.JSON)
                .body("{\"mode\":\"DOWN\"}")
                .put(simulator + "/sim/mode")
                .then()
                .statusCode(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            ids.add(given().auth()
                    .oauth2(office)
                    .contentType(ContentType.JSON)
                    .body(Applicants.body(SampleApplicant.nik(3000 + i), "+62813345" + (10000 + i)))
                    .post(stack.url(Service.INTAKE) + "/api/v1/applications")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(ops)
                .get(second.url() + "/api/v1/ops/backlog")
                .then()
                .body("delayed", equalTo(APPLICATIONS)));

        given().contentType(ContentType.JSON)
                .body("{\"mode\":\"UP\"}")
                .put(simulator + "/sim/mode")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth()
                .oauth2(ops)
                .get(stack.url(Service.SUBMISSION) + "/api/v1/ops/backlog")
                .then()
                .body("pending", equalTo(0)));
        var stats = given().get(simulator + "/sim/stats").jsonPath();
        assertEquals(APPLICATIONS, stats.getInt("uniqueApplications"));
        assertEquals(0, stats.getInt("duplicateCreates"));
        for (String id : ids) {
            given().get(simulator + "/sim/applications/" + id).then().body("creates", equalTo(1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                    .oauth2(office)
                    .get(stack.url(Service.INTAKE) + "/api/v1/applications/" + id)
                    .then()
                    .body("status", equalTo("SUBMITTED"))
                    .body(
                            "statusHistory.status",
                            org.hamcrest.Matchers.contains("RECEIVED", "QUEUED", "DELAYED", "SUBMITTED")));
        }
    }
}
