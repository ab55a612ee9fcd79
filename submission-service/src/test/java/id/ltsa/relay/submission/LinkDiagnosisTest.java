package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static id.ltsa.relay.submission.TestEvents.simulatorMode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why the link is down, told to the people who must act: a central that drops connections while the rest of the
 * internet answers is CENTRAL_REFUSES; a central that answers 5xx to everything is CENTRAL_ERRORS, and then it is
 * probed instead of hammered. (UPLINK_DOWN needs a real cut of the office's uplink: the end-to-end suite.)
 */
@QuarkusTest
class LinkDiagnosisTest {

    @BeforeEach
    @AfterEach
    void linkUp() {
        TestEvents.linkBackUp();
    }

    @Test
    void a_central_that_drops_connections_while_the_internet_works_is_diagnosed_central_refuses() throws Exception {
        Instant cut = Instant.now();
        simulatorMode("{\"mode\":\"DOWN\"}");
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DOWN".equals(backlog().getString("linkState")));
        JsonPath down = backlog();
        assertEquals("CENTRAL_REFUSES", down.getString("diagnosis"));
        assertTrue(!Instant.parse(down.getString("linkSince")).isBefore(cut.minusSeconds(1)), down.prettyPrint());
        JsonNode announced = linkEventsSince(cut).get(0);
        assertEquals("DOWN", announced.get("state").asText());
        assertEquals("CENTRAL_REFUSES", announced.get("diagnosis").asText());

        TestEvents.linkBackUp();
        assertEquals(null, backlog().getString("diagnosis"), "no diagnosis while the link is up");
        List<JsonNode> events = linkEventsSince(cut);
        JsonNode up = events.get(events.size() - 1);
        assertEquals("UP", up.get("state").asText());
        assertTrue(up.get("diagnosis").isNull(), up.toString());
    }

    @Test
    void the_probe_of_a_down_link_sends_the_oldest_application_in_its_offices_trace() throws Exception {
        simulatorMode("{\"mode\":\"DOWN\"}");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString(), "00-" + traceId + "-b7ad6b7169203331-01");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DOWN".equals(backlog().getString("linkState")));
        assertEquals(1, backlog().getLong("pending"), "the only pending application, so the probe takes it");

        // central answers again: while the link is DOWN only the probe sends, and it takes the oldest application
        simulatorMode("{\"mode\":\"UP\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(backlog().getString("linkState")));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .statusCode(200)
                .body("creates", equalTo(1))
                .body("revisions[0].traceparent", containsString("-" + traceId + "-"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestEvents.statuses(id), hasItem("SUBMITTED"));
    }

    @Test
    void a_central_failing_every_call_is_diagnosed_central_errors_and_probed_rather_than_hammered() throws Exception {
        Instant cut = Instant.now();
        simulatorMode("{\"mode\":\"FLAKY\",\"failureRate\":1.0}");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            publishReceived(id, UUID.randomUUID().toString());
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DOWN".equals(backlog().getString("linkState")));
        assertEquals("CENTRAL_ERRORS", backlog().getString("diagnosis"));
        assertEquals(
                "CENTRAL_ERRORS", linkEventsSince(cut).get(0).get("diagnosis").asText());
        // while down, one probe per interval (1 s in tests) reaches central, however many applications wait
        long before = simulatorStats().getLong("received");
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> simulatorStats().getLong("received") - before >= 4);
        double seconds = (System.nanoTime() - started) / 1e9;
        long calls = simulatorStats().getLong("received") - before;
        assertTrue(calls <= seconds + 2, calls + " calls in " + seconds + " s while central fails everything");
        assertEquals("DOWN", backlog().getString("linkState"), "an error answer to a probe keeps the link down");

        TestEvents.linkBackUp();

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var statuses = TestEvents.statusesByApplication();
            return ids.stream().allMatch(id -> statuses.getOrDefault(id.toString(), List.of())
                    .contains("SUBMITTED"));
        });
        for (UUID id : ids) {
            given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                    .then()
                    .body("creates", org.hamcrest.Matchers.equalTo(1));
        }
    }

    private static JsonPath backlog() {
        return given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                .get("/api/v1/ops/backlog")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath simulatorStats() {
        return given().get(RealInfrastructure.simulatorUrl() + "/sim/stats").jsonPath();
    }

    /** Link events about changes at or after {@code cut}, in topic order. */
    private static List<JsonNode> linkEventsSince(Instant cut) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (var record : TestEvents.kafka().records(Topics.CENTRAL_LINK, record -> true)) {
            JsonNode event = KafkaTestClient.JSON.readTree(record.value());
            if (!Instant.parse(event.get("since").asText()).isBefore(cut)) {
                events.add(event);
            }
        }
        return events;
    }
}
