package id.ltsa.relay.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.client.intake.api.ApplicationResourceApi;
import id.ltsa.relay.client.intake.api.TrackingResourceApi;
import id.ltsa.relay.client.intake.model.AmendmentRequest;
import id.ltsa.relay.client.intake.model.ApplicationRequest;
import id.ltsa.relay.client.intake.model.ApplicationStatus;
import id.ltsa.relay.client.intake.model.ApplicationView;
import id.ltsa.relay.client.intake.model.TrackingView;
import id.ltsa.relay.client.intake.model.WithdrawalRequest;
import id.ltsa.relay.client.notification.api.NotificationResourceApi;
import id.ltsa.relay.client.notification.model.NotificationView;
import id.ltsa.relay.client.submission.api.OpsResourceApi;
import id.ltsa.relay.client.submission.model.Backlog;
import id.ltsa.relay.client.submission.model.LinkState;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.PostgresServer;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.StackSettings;
import id.ltsa.relay.scenario.Applicants;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        // JSON logs, as a log pipeline would take them: the trace test reads them back
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-"))
                        .withServiceEnvironment(Map.of("LTSA_JSON_LOGS", "true")))
                .start();
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

        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Applicants.body(SampleApplicant.nik(17), phone))
                .post(stack.url(Service.INTAKE) + "/api/v1/applications")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(token)
                .get(stack.url(Service.INTAKE) + "/api/v1/applications/" + id)
                .then()
                .body("status", equalTo("SUBMITTED"))
                .body("statusHistory.status", contains("RECEIVED", "QUEUED", "SUBMITTED")));
        given().get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/applications/" + id)
                .then()
                .statusCode(200)
                .body("creates", equalTo(1))
                .body("revisions[0].idempotencyKey", equalTo(id + "-r1"));
        given().get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/stats")
                .then()
                .body("duplicateCreates", equalTo(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("to", phone)
                .get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/messages")
                .then()
                .body("items", hasSize(2)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth()
                .oauth2(token)
                .queryParam("applicationId", id)
                .get(stack.url(Service.NOTIFICATION) + "/api/v1/notifications")
                .then()
                .body("items.transition", contains("RECEIVED", "SUBMITTED"))
                .body("items.status", contains("SENT", "SENT")));
    }

    @Test
    void the_ministry_erases_an_issued_applicant_s_personal_data_in_every_service_of_the_office() throws Exception {
        String token = stack.tokens().token("5203", "office");
        String nik = SampleApplicant.nik(29);
        String phone = "+6281234500029";
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Applicants.body(nik, phone))
                .post(stack.url(Service.INTAKE) + "/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(token)
                .get(stack.url(Service.INTAKE) + "/api/v1/applications/" + id)
                .then()
                .body("status", equalTo("SUBMITTED")));
        String reference = given().get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/applications/" + id)
                .then()
                .extract()
                .path("revisions[0].centralReference");
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "ISSUED", "reason", "ok"))
                .post(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/applications/" + reference + "/decision")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(token)
                .get(stack.url(Service.INTAKE) + "/api/v1/applications/" + id)
                .then()
                .body("status", equalTo("ISSUED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("to", phone)
                .get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/messages")
                .then()
                .body("items", hasSize(3)));

        given().auth()
                .oauth2(stack.tokens().token(null, "ministry"))
                .post(stack.url(Service.INTAKE) + "/api/v1/applications/" + id + "/erasure")
                .then()
                .statusCode(200)
                .body("applicant.nik", equalTo(null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertTrue(
                    !column(
                                    "intake",
                                    "SELECT count(*) FROM application WHERE id = ?::uuid AND nik IS NULL"
                                            + " AND phone IS NULL AND full_name IS NULL",
                                    id)
                            .equals("0"),
                    "intake");
            assertTrue(
                    column("submission", "SELECT payload FROM submission WHERE application_id = ?::uuid", id)
                            .equals("{}"),
                    "submission's snapshot");
            assertTrue(
                    column(
                                    "notification",
                                    "SELECT count(*) FROM recipient WHERE application_id = ?::uuid"
                                            + " AND phone IS NULL AND full_name IS NULL AND erased_at IS NOT NULL",
                                    id)
                            .equals("1"),
                    "notification's recipient");
        });
        for (String database : new String[] {"intake", "submission", "notification"}) {
            assertTrue(
                    !dump(database).contains(nik) && !dump(database).contains(phone),
                    database + " still holds the NIK or the phone in a text column");
        }
    }

    /**
     * The clients generated from the three published OpenAPI documents (e2e-tests' pom) drive an application through
     * its whole life: a document that drifts from what the service answers breaks their build or this test.
     */
    @Test
    void the_clients_generated_from_the_published_documents_drive_an_application_through_its_life() throws Exception {
        String office = stack.tokens().token("5203", "office");
        String phone = "+6281234500031";
        ApplicationResourceApi applications =
                new ApplicationResourceApi(PublishedClients.intake(stack.url(Service.INTAKE), office));

        // the central API finds the data invalid: it answers 422 and the application comes back RETURNED
        simulatorMode("REJECT_ALL");
        ApplicationView registered;
        try {
            registered = applications.register(
                    PublishedClients.read(Applicants.body(SampleApplicant.nik(31), phone), ApplicationRequest.class),
                    null);
            assertEquals(ApplicationStatus.RECEIVED, registered.getStatus());
            UUID returned = registered.getId();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> applications.get(returned).getStatus(), equalTo(ApplicationStatus.RETURNED));
        } finally {
            simulatorMode("UP");
        }
        UUID id = registered.getId();

        // the office corrects what the central API returned: the same applicant, the employer's full name
        ApplicationRequest corrected =
                PublishedClients.read(Applicants.body(SampleApplicant.nik(31), phone), ApplicationRequest.class);
        corrected.getPlacement().setEmployerName(SampleApplicant.PLACEMENT.employerName() + " Co.");
        AmendmentRequest amendment =
                new AmendmentRequest().applicant(corrected.getApplicant()).placement(corrected.getPlacement());
        assertEquals(2, applications.amend(id, amendment).getRevision());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> applications.get(id).getStatus(), equalTo(ApplicationStatus.SUBMITTED));

        ApplicationView withdrawn = applications.withdraw(id, new WithdrawalRequest().reason("Berangkat lewat P3MI"));
        assertEquals(ApplicationStatus.WITHDRAWN, withdrawn.getStatus());
        assertEquals(
                id,
                applications.search(0, 50, ApplicationStatus.WITHDRAWN).getItems().stream()
                        .map(ApplicationView::getId)
                        .filter(id::equals)
                        .findFirst()
                        .orElse(null));

        TrackingView tracked = new TrackingResourceApi(PublishedClients.intake(stack.url(Service.INTAKE), null))
                .track(registered.getTrackingCode(), "en");
        assertEquals("Withdrawn", tracked.getStatusLabel());

        Backlog backlog = new OpsResourceApi(PublishedClients.submission(
                        stack.url(Service.SUBMISSION), stack.tokens().token(null, "ops")))
                .backlog();
        assertEquals(LinkState.UP, backlog.getLinkState());

        NotificationResourceApi notifications =
                new NotificationResourceApi(PublishedClients.notification(stack.url(Service.NOTIFICATION), office));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> notifications.notifications(id).getItems().stream()
                                .map(NotificationView::getTransition)
                                .map(Enum::name)
                                .toList(),
                        equalTo(List.of("RECEIVED", "RETURNED", "RECEIVED", "SUBMITTED", "WITHDRAWN")));
    }

    private static void simulatorMode(String mode) {
        given().contentType(ContentType.JSON)
                .body(Map.of("mode", mode))
                .put(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/mode")
                .then()
                .statusCode(200);
    }

    /** The first column of the first row, as text. */
    private static String column(String database, String sql, String id) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER, "");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? String.valueOf(rows.getString(1)) : "";
            }
        }
    }

    /**
     * Every text column of the database's own tables (not Kafka's, not gammu's), as one string: where a NIK or a
     * phone could hide. outbox rows still waiting are not expected: the erased event carries neither.
     */
    private static String dump(String database) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection =
                        DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("SELECT table_name, column_name FROM"
                        + " information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text',"
                        + " 'character varying', 'character')")) {
            List<String[]> found = new ArrayList<>();
            while (columns.next()) {
                found.add(new String[] {columns.getString(1), columns.getString(2)});
            }
            for (String[] column : found) {
                try (Statement read = connection.createStatement();
                        ResultSet rows = read.executeQuery("SELECT \"" + column[1] + "\" FROM \"" + column[0] + "\"")) {
                    while (rows.next()) {
                        all.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    @Test
    void one_trace_follows_an_application_from_the_offices_post_to_the_central_call_and_the_applicants_messages()
            throws Exception {
        String token = stack.tokens().token("5203", "office");
        String phone = "+6281234500018";
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Applicants.body(SampleApplicant.nik(18), phone))
                .post(stack.url(Service.INTAKE) + "/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // HTTP -> outbox -> Kafka -> submission-service -> HTTP to the central API
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/applications/" + id)
                        .then()
                        .statusCode(200)
                        .body("revisions[0].traceparent", containsString("-" + traceId + "-")));
        // ... and Kafka -> notification-service -> HTTP to the gateway, for RECEIVED and for SUBMITTED
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("to", phone)
                .get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/messages")
                .then()
                .body("items", hasSize(2))
                .body("items.traceparent", everyItem(containsString("-" + traceId + "-"))));
        // the services' JSON log lines carry the trace id, so a log search finds every step of this application
        String intakeLog = Files.readString(stack.service(Service.INTAKE).log());
        assertTrue(
                intakeLog
                        .lines()
                        .anyMatch(line -> line.startsWith("{")
                                && line.contains(id)
                                && line.contains("\"traceId\":\"" + traceId + "\"")),
                "a JSON log line with the trace id");

        // A POST without a traceparent starts a trace of its own. With no collector its spans are not recorded (the
        // sampler records only what is exported), yet its ids still follow the application to both calls upstream.
        String untracedPhone = "+6281234500019";
        String untraced = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Applicants.body(SampleApplicant.nik(19), untracedPhone))
                .post(stack.url(Service.INTAKE) + "/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String atCentral = await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> given().get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/applications/" + untraced)
                                .then()
                                .extract()
                                .<String>path("revisions[0].traceparent"),
                        traceparent -> traceparent != null);
        assertTrue(atCentral.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), "a trace, not recorded: " + atCentral);
        String ownTraceId = atCentral.split("-")[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("to", untracedPhone)
                .get(stack.url(Service.CENTRAL_API_SIMULATOR) + "/sim/messages")
                .then()
                .body("items", hasSize(2))
                .body("items.traceparent", everyItem(containsString("-" + ownTraceId + "-"))));
    }

    @Test
    void every_service_serves_health_metrics_and_openapi_on_its_management_port_only() {
        for (Service service : Service.values()) {
            for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
                given().get(stack.managementUrl(service) + path).then().statusCode(200);
                if (service != Service.CENTRAL_API_SIMULATOR) {
                    // the counters' LAN reaches the API port: it tells them nothing of the service's insides
                    given().get(stack.url(service) + path).then().statusCode(404);
                }
            }
        }
    }
}
