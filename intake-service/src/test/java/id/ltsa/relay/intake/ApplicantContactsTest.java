package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicantContactRecorded;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * notification-service reads {@code ltsa.applicant-contacts}, not {@code ltsa.applications}: what travels there is how
 * to reach the applicant and nothing more of them (issue 16, minimisation).
 */
@QuarkusTest
class ApplicantContactsTest {

    static final String OFFICE = "5203";
    final ObjectMapper json = new ObjectMapper();

    @Test
    void a_registration_publishes_the_applicant_s_contact_and_nothing_else_of_them() throws Exception {
        Map<String, Object> body = SampleApplications.valid();
        String nik = (String) ((Map<?, ?>) body.get("applicant")).get("nik");
        String id = given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts(id), found -> !found.isEmpty())
                .get(0);
        assertEquals(ApplicantContactRecorded.TYPE, KafkaTestClient.header(record, "ce_type"));
        JsonNode event = json.readTree(record.value());
        assertEquals(
                Set.of("applicationId", "trackingCode", "officeCode", "revision", "contact", "occurredAt"),
                fields(event));
        assertEquals(
                Set.of("fullName", "phone", "email", "preferredChannel", "language"), fields(event.get("contact")));
        assertEquals(1, event.get("revision").asInt());
        assertEquals(
                ((Map<?, ?>) body.get("applicant")).get("phone"),
                event.at("/contact/phone").asText());
        assertFalse(record.value().contains(nik), "the NIK never travels to notification-service");
        assertFalse(record.value().contains("birth"), "nor the birth date and place");
    }

    @Test
    void a_withdrawal_follows_the_contact_on_the_same_topic() {
        String id = ApplicationRegistrationTest.register(OFFICE);

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/applications/" + id + "/withdrawal")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        List.of(ApplicantContactRecorded.TYPE, "id.ltsa.application.withdrawn.v1"),
                        contacts(id).stream()
                                .map(record -> KafkaTestClient.header(record, "ce_type"))
                                .toList()));
    }

    static List<ConsumerRecord<String, String>> contacts(String id) {
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            return kafka.recordsWithKey(Topics.APPLICANT_CONTACTS, id);
        }
    }

    private static Set<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
