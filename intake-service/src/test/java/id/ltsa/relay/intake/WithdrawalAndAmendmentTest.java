package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.ApplicationAmended;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleStatusChange;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WithdrawalAndAmendmentTest {

    static final String OFFICE = "5203";

    @Test
    void a_withdrawal_is_final_and_announced_after_the_received_event() {
        String id = ApplicationRegistrationTest.register(OFFICE);

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Applicant changed plans"))
                .post("/api/v1/applications/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("statusHistory.status", contains("RECEIVED", "WITHDRAWN"));
        given().auth()
                .oauth2(officeToken(OFFICE))
                .post("/api/v1/applications/" + id + "/withdrawal")
                .then()
                .statusCode(409)
                .body("type", endsWith("/invalid-state"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertEquals(List.of(ApplicationReceived.TYPE, ApplicationWithdrawn.TYPE), eventTypes(id)));
    }

    @Test
    void only_a_returned_application_can_be_amended() {
        String id = ApplicationRegistrationTest.register(OFFICE);

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(Map.of("placement", Map.of("destinationCountry", "JP", "scheme", "G_TO_G")))
                .post("/api/v1/applications/" + id + "/amendments")
                .then()
                .statusCode(409)
                .body("type", endsWith("/invalid-state"));
    }

    @Test
    void a_returned_application_is_amended_to_a_new_revision_and_sent_again() throws Exception {
        String id = registeredAndReturned();

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(Map.of("placement", Map.of("destinationCountry", "XX", "scheme", "G_TO_G")))
                .post("/api/v1/applications/" + id + "/amendments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("placement.destinationCountry"));
        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "placement",
                        Map.of("destinationCountry", "JP", "scheme", "G_TO_G", "employerName", "Toyota Boshoku")))
                .post("/api/v1/applications/" + id + "/amendments")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("status", equalTo("RECEIVED"))
                .body("placement.destinationCountry", equalTo("JP"))
                .body("applicant.fullName", equalTo("Darwan Hadi"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertEquals(List.of(ApplicationReceived.TYPE, ApplicationAmended.TYPE), eventTypes(id)));
        // notification-service hears of the corrected revision too, so the applicant is told it is RECEIVED again
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        List.of(1, 2),
                        ApplicantContactsTest.contacts(id).stream()
                                .map(record -> revision(record.value()))
                                .toList()));
    }

    @Test
    void an_amendment_to_a_nik_with_another_open_application_is_a_409_that_changes_nothing() throws Exception {
        Map<String, Object> other = SampleApplications.valid();
        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(other)
                .post("/api/v1/applications")
                .then()
                .statusCode(201);
        String id = registeredAndReturned();

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(Map.of("applicant", other.get("applicant")))
                .post("/api/v1/applications/" + id + "/amendments")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-application"));
        given().auth()
                .oauth2(officeToken(OFFICE))
                .get("/api/v1/applications/" + id)
                .then()
                .body("revision", equalTo(1))
                .body("status", equalTo("RETURNED"));
    }

    /** An application of this office that the central API has returned, as intake now shows it. */
    private String registeredAndReturned() throws Exception {
        String id = ApplicationRegistrationTest.register(OFFICE);
        returnedByTheCentralApi(id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(officeToken(OFFICE))
                .get("/api/v1/applications/" + id)
                .then()
                .body("status", equalTo("RETURNED")));
        return id;
    }

    private void returnedByTheCentralApi(String id) throws Exception {
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            ApplicationStatusChanged returned = SampleStatusChange.of(id, ApplicationStatus.RETURNED)
                    .from(ApplicationStatus.QUEUED)
                    .reason("applicant.nik: not in the register")
                    .build();
            kafka.publish(id, returned);
        }
    }

    private int revision(String event) {
        try {
            return KafkaTestClient.JSON.readTree(event).get("revision").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> eventTypes(String id) {
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            return kafka.recordsWithKey(Topics.APPLICATIONS, id).stream()
                    .map(record -> KafkaTestClient.header(record, "ce_type"))
                    .toList();
        }
    }
}
