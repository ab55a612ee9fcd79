package id.ltsa.relay.ministry;

import static id.ltsa.relay.ministry.OfficeTraffic.alive;
import static id.ltsa.relay.ministry.OfficeTraffic.link;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ministry hears an office through MirrorMaker: alive while its heartbeats arrive, SILENT when they stop (3 s in
 * tests, 15 min by default), OK again when they resume; LINK_DOWN while it reports its central link down; NEVER_SEEN
 * for a registered office never heard from. Each change is in the history and announced on ltsa.fleet.office-state.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructure.class,
        initArgs = {
            @ResourceArg(name = "database", value = "ministry"),
            @ResourceArg(name = "simulator", value = "true")
        })
class FleetStatesTest {

    @Test
    void an_office_whose_heartbeats_stop_is_silent_and_ok_again_when_they_resume() throws Exception {
        String office = "7101";
        try (AutoCloseable talking = alive(office)) {
            awaitHistoryEndsWith(office, List.of("OK"));
        }
        // nothing more arrives: after silent-after it is SILENT, and says for how long
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> office(office).body("office.state", equalTo("SILENT")));
        assertTrue(office(office).extract().jsonPath().getLong("office.silentForSeconds") >= 3);
        awaitHistoryEndsWith(office, List.of("OK", "SILENT")); // the timer's next check records it
        try (AutoCloseable talking = alive(office)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> office(office).body("office.state", equalTo("OK")));
            awaitHistoryEndsWith(office, List.of("OK", "SILENT", "OK"));
        }

        List<String> announced = new ArrayList<>();
        for (var record : OfficeTraffic.events().recordsWithKey(Topics.FLEET_OFFICE_STATE, office)) {
            JsonNode event = KafkaTestClient.JSON.readTree(record.value());
            JsonNode previous = event.path("previousState");
            announced.add((previous.isMissingNode() || previous.isNull() ? "-" : previous.asText()) + ">"
                    + event.path("state").asText());
            assertEquals("id.ltsa.fleet.office-state-changed.v1", KafkaTestClient.header(record, "ce_type"));
        }
        // its first heartbeats may reach the ministry late (a new topic), so its first state may be SILENT
        assertEquals(
                List.of("OK>SILENT", "SILENT>OK"),
                announced.subList(announced.size() - 2, announced.size()),
                announced.toString());
        assertEquals(
                office(office).extract().jsonPath().getList("history").size(),
                announced.size(),
                "one announcement per state in the history");
    }

    private static void awaitHistoryEndsWith(String office, List<String> states) {
        // the office is unknown (404) until its first heartbeat has arrived
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            List<String> history = office(office).extract().jsonPath().getList("history.state");
            return history.size() >= states.size()
                    && history.subList(history.size() - states.size(), history.size())
                            .equals(states);
        });
    }

    @Test
    void an_office_reporting_its_central_link_down_is_link_down_until_it_reports_it_up() throws Exception {
        String office = "7102";
        // it goes on talking all the while
        try (AutoCloseable talking = alive(office)) {
            Instant down = Instant.now();
            link(office, LinkState.DOWN, down);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> office(office)
                    .body("office.state", equalTo("LINK_DOWN"))
                    .body("office.linkDiagnosis", equalTo("CENTRAL_ERRORS")));
            link(office, LinkState.UP, down.plusSeconds(2));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            office(office).body("office.state", equalTo("OK")).body("office.linkState", equalTo("UP")));
        }
    }

    @Test
    void a_registered_office_never_heard_from_is_never_seen_and_listed_before_those_that_are_ok() throws Exception {
        try (AutoCloseable talking = alive("7103")) {
            neverSeenComesFirstAndIsMeasured();
        }
    }

    private void neverSeenComesFirstAndIsMeasured() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> office("7103")
                .body("office.state", equalTo("OK")));

        JsonPath fleet = given().auth()
                .oauth2(token())
                .get("/api/v1/fleet/offices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> states = fleet.getList("items.state");
        int neverSeen = fleet.getList("items.officeCode").indexOf("9901");
        assertEquals("NEVER_SEEN", states.get(neverSeen));
        assertTrue(neverSeen < fleet.getList("items.officeCode").indexOf("7103"), "red first: " + states);
        assertEquals(
                states.lastIndexOf("NEVER_SEEN") < states.indexOf("OK") || !states.contains("OK"),
                true,
                "every office needing attention comes before every OK one: " + states);
        office("9901")
                .body("office.lastSeenAt", nullValue())
                .body("office.registered", equalTo(true))
                .body("office.name", equalTo("LTSA Uji Tidak Pernah Tersambung"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().port(RealInfrastructure.managementPort())
                    .get("/q/metrics")
                    .asString();
            assertTrue(
                    metrics.contains("ltsa_fleet_office_state{office=\"9901\",state=\"NEVER_SEEN\"} 1.0"),
                    "ltsa_fleet_office_state for 9901");
            assertTrue(metrics.contains("ltsa_fleet_office_state{office=\"7103\",state=\"OK\"} 1.0"), "7103 OK");
            assertTrue(metrics.contains("ltsa_fleet_office_silent_seconds{office=\"7103\"}"), "silent seconds");
        });
    }

    @Test
    void only_the_ministry_and_ops_see_the_fleet() {
        given().get("/api/v1/fleet/offices").then().statusCode(401);
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .get("/api/v1/fleet/offices")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token())
                .get("/api/v1/fleet/offices/0000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    static io.restassured.response.ValidatableResponse office(String code) {
        return given().auth()
                .oauth2(token())
                .get("/api/v1/fleet/offices/" + code)
                .then()
                .statusCode(200);
    }

    static String token() {
        return RealInfrastructure.tokens().token(null, "ministry");
    }
}
