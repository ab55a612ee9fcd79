package id.ltsa.relay.ministry;

import static id.ltsa.relay.ministry.OfficeTraffic.heartbeat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An office that stays silent past escalate-after (6 s in tests, 4 h by default) is emailed to the ministry's duty
 * contact once for the episode, however many times the check runs afterwards.
 */
@QuarkusTest
class EscalationTest {

    static final String DUTY = "duty@kemnaker.local";

    @Test
    void an_office_silent_past_the_escalation_threshold_is_emailed_to_the_duty_contact_once() throws Exception {
        String office = "7301";
        heartbeat(office, Instant.now());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> FleetStatesTest.office(office)
                .body("office.state", equalTo("SILENT")));

        await().atMost(Duration.ofSeconds(60)).until(() -> subjectsAbout(office).size() == 1);
        String text = given()
                .queryParam("to", DUTY)
                .get(RealInfrastructure.simulatorUrl() + "/sim/emails")
                .then()
                .extract()
                .jsonPath()
                .getList("items.text", String.class)
                .stream()
                .filter(body -> body.contains("Kantor " + office))
                .findFirst()
                .orElseThrow();
        assertTrue(text.contains("check its internet connection and its bill"), text);

        // more checks, same episode: nothing more; a message after it proves the checks ran meanwhile
        heartbeat("7302", Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> subjectsAbout("7302").size() == 1);
        assertEquals(1, subjectsAbout(office).size(), "one email for the episode");
    }

    private static List<String> subjectsAbout(String office) {
        return given()
                .queryParam("to", DUTY)
                .get(RealInfrastructure.simulatorUrl() + "/sim/emails")
                .then()
                .extract()
                .jsonPath()
                .getList("items.subject", String.class)
                .stream()
                .filter(subject -> subject.contains("Kantor " + office + " "))
                .toList();
    }
}
