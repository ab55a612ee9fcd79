package id.ltsa.relay.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructure.class,
        initArgs = @io.quarkus.test.common.ResourceArg(name = "database", value = "intake"))
class ApplicationRegistrationTest {

    static final String LOMBOK_TIMUR = "5203";
    static final String LOMBOK_BARAT = "5201";
    static KafkaTestClient kafka;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void connect() {
        kafka = RealInfrastructure.kafka();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void an_office_registers_an_application_and_its_received_event_reaches_kafka() throws Exception {
        Map<String, Object> body = SampleApplications.valid();

        String id = given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RECEIVED"))
                .body("officeCode", equalTo(LOMBOK_TIMUR))
                .body("revision", equalTo(1))
                .body("statusHistory", hasSize(1))
                .extract()
                .path("id");

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.recordsWithKey(Topics.APPLICATIONS, id), found -> !found.isEmpty());
        assertEquals(1, records.size(), "published once");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(ApplicationReceived.TYPE, KafkaTestClient.header(record, "ce_type"));
        assertEquals("/ltsa/intake-service", KafkaTestClient.header(record, "ce_source"));
        assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        assertNotNull(KafkaTestClient.header(record, "ce_id"));
        assertNotNull(KafkaTestClient.header(record, "ce_time"));
        JsonNode event = json.readTree(record.value());
        assertEquals(id, event.get("applicationId").asText());
        assertEquals(
                body.get("applicant") instanceof Map<?, ?> a ? a.get("nik") : null,
                event.get("applicant").get("nik").asText());
        // the published row leaves the outbox: the table holds only what still waits for the broker
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(id) == 0);
    }

    @Test
    void invalid_fields_are_all_named_and_nothing_is_stored() {
        long before = storedApplications();
        Map<String, Object> body = SampleApplications.with(
                SampleApplications.with(SampleApplications.valid(), "applicant.nik", "12345"),
                "placement.destinationCountry",
                "ID");

        given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("applicant.nik", "placement.destinationCountry"));

        assertEquals(before, storedApplications());
    }

    @Test
    void malformed_json_is_a_problem_not_a_stack_trace() {
        given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .contentType(ContentType.JSON)
                .body("{\"documentType\": ")
                .post("/api/v1/applications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void another_office_sees_the_same_404_as_for_a_missing_application() {
        String id = register(LOMBOK_TIMUR);

        String foreign = given().auth()
                .oauth2(officeToken(LOMBOK_BARAT))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        String missing = given().auth()
                .oauth2(officeToken(LOMBOK_BARAT))
                .get("/api/v1/applications/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .extract()
                .asString();

        assertEquals(missing, foreign);
        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void no_token_is_401_and_the_ministry_cannot_register() {
        given().contentType(ContentType.JSON)
                .body(SampleApplications.valid())
                .post("/api/v1/applications")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .contentType(ContentType.JSON)
                .body(SampleApplications.valid())
                .post("/api/v1/applications")
                .then()
                .statusCode(403);
    }

    @Test
    void the_public_tracking_lookup_shows_initials_and_no_personal_data() {
        String id = register(LOMBOK_TIMUR);
        String code = given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .get("/api/v1/applications/" + id)
                .then()
                .extract()
                .path("trackingCode");

        String answer = given().header("Accept-Language", "en")
                .get("/api/v1/track/" + code)
                .then()
                .statusCode(200)
                .body("applicantInitials", equalTo("D. H."))
                .body("statusLabel", equalTo("Received at the LTSA office"))
                .extract()
                .asString();

        org.junit.jupiter.api.Assertions.assertFalse(answer.contains("Darwan") || answer.contains("5203010"), answer);
        given().get("/api/v1/track/LT-NOSUCH00").then().statusCode(404);
    }

    static String register(String office) {
        return given().auth()
                .oauth2(officeToken(office))
                .contentType(ContentType.JSON)
                .body(SampleApplications.valid())
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String officeToken(String office) {
        return RealInfrastructure.tokens().token(office, "office");
    }

    private static long outboxRows(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Application.getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM outbox_event WHERE message_key = ?1")
                        .setParameter(1, applicationId)
                        .getSingleResult())
                .longValue());
    }

    private static long storedApplications() {
        return QuarkusTransaction.requiringNew().call(() -> Application.count());
    }
}
