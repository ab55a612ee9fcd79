package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.supervision.ProcessStatus;
import id.ltsa.relay.localstack.supervision.SupervisionFile;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpsApiTest {

    static final long EIGHT_DAYS = Duration.ofDays(8).toSeconds();

    @Inject
    AgroalDataSource dataSource;

    static String ops() {
        return OpsCalls.token();
    }

    @AfterEach
    void resume() {
        given().auth().oauth2(ops()).post("/api/v1/ops/link/resume").then().statusCode(200);
        TestEvents.linkBackUp();
    }

    @Test
    void a_paused_link_holds_applications_in_the_backlog_until_resumed() throws Exception {
        given().auth()
                .oauth2(ops())
                .post("/api/v1/ops/link/pause")
                .then()
                .statusCode(200)
                .body("paused", equalTo(true));
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog")
                .then()
                .statusCode(200)
                .body("pending", greaterThanOrEqualTo(1))
                .body("byOffice.find { it.officeCode == '5203' }.pending", greaterThanOrEqualTo(1)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .statusCode(404);

        given().auth().oauth2(ops()).post("/api/v1/ops/link/resume").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                        .then()
                        .statusCode(200));
    }

    @Test
    void the_backlog_is_for_ops_and_the_ministry_only() {
        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .get("/api/v1/ops/backlog")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .get("/api/v1/ops/backlog")
                .then()
                .statusCode(403);
        given().get("/api/v1/ops/backlog").then().statusCode(401);
        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .post("/api/v1/ops/link/pause")
                .then()
                .statusCode(403);
    }

    @Test
    void the_supervisors_restart_counts_are_served_and_exported_as_metrics() {
        // written by local-stack's own writer, so the supervisor and this reader agree on the file
        Instant died = Instant.parse("2026-12-04T01:00:00Z");
        SupervisionFile.write(
                Path.of("target/supervision.properties"),
                List.of(
                        new ProcessStatus("postgresql", ProcessStatus.State.RUNNING, 0, null, null, null),
                        new ProcessStatus(
                                "kafka",
                                ProcessStatus.State.WAITING,
                                2,
                                died,
                                died.minusSeconds(60),
                                died.plusSeconds(2))),
                died.plusSeconds(1));

        given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/processes")
                .then()
                .statusCode(200)
                .body("supervisedBy", equalTo("ltsa up"))
                .body("processes.name", equalTo(List.of("postgresql", "kafka")))
                .body("processes[1].state", equalTo("WAITING"))
                .body("processes[1].restarts", equalTo(2))
                .body("processes[1].lastDownAt", equalTo("2026-12-04T01:00:00Z"))
                .body("processes[1].nextAttemptAt", equalTo("2026-12-04T01:00:02Z"))
                .body("processes[0].restarts", equalTo(0));
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .get("/api/v1/ops/processes")
                .then()
                .statusCode(403);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().port(RealInfrastructure.managementPort())
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(metrics.contains("ltsa_process_restarts{process=\"kafka\"} 2.0"), "restarts exported");
            assertTrue(metrics.contains("ltsa_process_running{process=\"kafka\"} 0.0"), "kafka not running");
            assertTrue(metrics.contains("ltsa_process_running{process=\"postgresql\"} 1.0"), "postgresql running");
        });
    }

    @Test
    void the_backlog_history_gives_the_worst_of_each_point_over_24_hours_and_14_days() throws Exception {
        // samples written as the sampler writes them, at fixed minutes far enough back to be this test's alone
        Instant base =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(5));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO backlog_sample (sampled_at, pending, delayed, oldest_pending_age_seconds, link_up)
                        VALUES (?, ?, 0, ?, ?) ON CONFLICT (sampled_at) DO UPDATE SET pending = EXCLUDED.pending,
                            oldest_pending_age_seconds = EXCLUDED.oldest_pending_age_seconds,
                            link_up = EXCLUDED.link_up""")) {
            // one 5-minute point: 3 samples, the worst 900 pending, 7200 s old, the link down at one of them
            int[][] samples = {{0, 100, 600, 1}, {1, 900, 7200, 0}, {2, 400, 3600, 1}};
            for (int[] sample : samples) {
                insert.setTimestamp(1, java.sql.Timestamp.from(base.plus(Duration.ofMinutes(sample[0]))));
                insert.setInt(2, sample[1]);
                insert.setLong(3, sample[2]);
                insert.setBoolean(4, sample[3] == 1);
                insert.executeUpdate();
            }
            // 10 days back: only on the 14-day chart
            insert.setTimestamp(1, java.sql.Timestamp.from(base.minus(Duration.ofDays(10))));
            insert.setInt(2, 42);
            insert.setLong(3, 60);
            insert.setBoolean(4, true);
            insert.executeUpdate();
        }

        String at = base.toString();
        given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog/history?range=24h")
                .then()
                .statusCode(200)
                .body("range", equalTo("24h"))
                .body("bucketSeconds", equalTo(300))
                .body("points.find { it.at == '" + at + "' }.pending", equalTo(900))
                .body("points.find { it.at == '" + at + "' }.oldestPendingAgeSeconds", equalTo(7200))
                .body("points.find { it.at == '" + at + "' }.linkDown", equalTo(true))
                .body("points.findAll { it.pending == 42 }.size()", equalTo(0));
        given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog/history?range=14d")
                .then()
                .statusCode(200)
                .body("bucketSeconds", equalTo(3600))
                .body("points.find { it.at == '" + at + "' }.pending", equalTo(900))
                .body("points.findAll { it.pending == 42 }.size()", equalTo(1));
        given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog/history?range=1y")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("range"));
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .get("/api/v1/ops/backlog/history")
                .then()
                .statusCode(403);
    }

    @Test
    void the_sampler_records_the_backlog_each_minute() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog/history?range=24h")
                .then()
                .statusCode(200)
                .body(
                        "points.findAll { it.at >= '" + Instant.now().minus(Duration.ofMinutes(10)) + "' }.size()",
                        greaterThan(0)));
    }

    @Test
    void retry_now_of_an_unknown_application_is_404() {
        given().auth()
                .oauth2(ops())
                .post("/api/v1/ops/submissions/" + UUID.randomUUID() + "/retry")
                .then()
                .statusCode(404);
    }

    @Test
    void an_application_pending_past_the_escalation_age_is_escalated_and_still_retried() throws Exception {
        OpsCalls.awaitEmptyBacklog();
        given().auth().oauth2(ops()).post("/api/v1/ops/link/pause").then().statusCode(200);
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog")
                .then()
                .body("pending", equalTo(1)));
        // as if it had waited eight days for the link (the escalation age is 7 days)
        sql("UPDATE submission SET queued_at = now() - interval '8 days', received_at = now() - interval '8 days'"
                + " WHERE application_id = '" + id + "'");

        given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog")
                .then()
                .statusCode(200)
                .body("escalated", equalTo(1))
                .body("oldestPendingAgeSeconds", greaterThanOrEqualTo((int) EIGHT_DAYS))
                .body("byOffice.find { it.officeCode == '5203' }.oldestPendingAgeSeconds", greaterThanOrEqualTo((int)
                        EIGHT_DAYS));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertTrue(
                        given().port(RealInfrastructure.managementPort())
                                .get("/q/metrics")
                                .asString()
                                .contains("ltsa_submission_escalated 1.0"),
                        "the escalation gauge that the ApplicationsEscalated alert watches"));

        given().auth().oauth2(ops()).post("/api/v1/ops/link/resume").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                        .then()
                        .statusCode(200));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog")
                .then()
                .body("escalated", equalTo(0))); // its answer is recorded after
    }

    @Test
    void retry_now_sends_an_application_that_waits_out_a_long_retry_after() throws Exception {
        OpsCalls.awaitEmptyBacklog(); // no other application may meet the hour-long Retry-After
        TestEvents.simulatorMode("{\"mode\":\"RATE_LIMITED\",\"retryAfterSeconds\":3600}");
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestEvents.statuses(id).contains("DELAYED"));
        TestEvents.simulatorMode("{\"mode\":\"UP\"}");
        given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog")
                .then()
                .body("linkState", equalTo("UP"))
                .body("delayed", greaterThanOrEqualTo(1));

        given().auth()
                .oauth2(ops())
                .post("/api/v1/ops/submissions/" + id + "/retry")
                .then()
                .statusCode(202);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> TestEvents.statuses(id).contains("SUBMITTED"));
        assertEquals(
                List.of("QUEUED", "DELAYED", "SUBMITTED"),
                TestEvents.statuses(id),
                "sent once, an hour before its Retry-After ran out");
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .body("creates", equalTo(1));
    }

    @Test
    void the_heartbeat_sees_a_dead_link_while_nothing_is_pending() {
        OpsCalls.awaitEmptyBacklog();
        long dropped = given().get(RealInfrastructure.simulatorUrl() + "/sim/stats")
                .jsonPath()
                .getLong("droppedWhileDown");
        Instant cut = Instant.now();

        TestEvents.simulatorMode("{\"mode\":\"DOWN\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(ops())
                .get("/api/v1/ops/backlog")
                .then()
                .body("linkState", equalTo("DOWN"))
                .body("pending", equalTo(0)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/stats").then().body("droppedWhileDown", greaterThan((int)
                dropped));
        // the link event leaves through the outbox, a moment after the state changed
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertTrue(
                        TestEvents.linkStatesSince(cut).contains("DOWN"), "ltsa.central-link told the others"));
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            assertEquals(1, update.executeUpdate(), statement);
        }
    }
}
