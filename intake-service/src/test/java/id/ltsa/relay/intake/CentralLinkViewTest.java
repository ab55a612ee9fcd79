package id.ltsa.relay.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The counter sees the link with every application: while the office's uplink is down it can tell the applicant
 * "saved; it goes automatically when the connection returns". A late announcement of an older change is ignored.
 */
@QuarkusTest
class CentralLinkViewTest {

    @Test
    void an_application_carries_the_link_state_since_and_diagnosis_as_last_announced() throws Exception {
        String id = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);
        Instant down = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3600); // later than any earlier test's
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            announce(
                    kafka,
                    new CentralLinkChanged(LinkState.DOWN, down, "connect timed out", 3, LinkDiagnosis.UPLINK_DOWN));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> application(id)
                    .body("centralLink.state", equalTo("DOWN"))
                    .body("centralLink.since", equalTo(down.toString()))
                    .body("centralLink.diagnosis", equalTo("UPLINK_DOWN")));

            // an UP from before the outage, delivered late, changes nothing; the real recovery does
            announce(kafka, new CentralLinkChanged(LinkState.UP, down.minusSeconds(60), null, 0, null));
            Instant up = down.plusSeconds(120);
            announce(kafka, new CentralLinkChanged(LinkState.UP, up, null, 0, null));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> application(id)
                    .body("centralLink.state", equalTo("UP"))
                    .body("centralLink.since", equalTo(up.toString()))
                    .body("centralLink.diagnosis", nullValue()));
        }
        given().auth()
                .oauth2(ApplicationRegistrationTest.officeToken(ApplicationRegistrationTest.LOMBOK_TIMUR))
                .get("/api/v1/applications?size=1")
                .then()
                .body("items[0].centralLink.state", equalTo("UP"));
    }

    private static io.restassured.response.ValidatableResponse application(String id) {
        return given().auth()
                .oauth2(ApplicationRegistrationTest.officeToken(ApplicationRegistrationTest.LOMBOK_TIMUR))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(200);
    }

    private void announce(KafkaTestClient kafka, CentralLinkChanged event) throws Exception {
        kafka.publish("central-link", event);
    }
}
