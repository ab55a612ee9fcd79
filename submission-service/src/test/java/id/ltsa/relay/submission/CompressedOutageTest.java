package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static id.ltsa.relay.submission.TestEvents.simulatorMode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * East Lombok in a minute: the link dies, applications keep coming, each is told DELAYED once, the dead link sees only
 * probes; the link returns and every application reaches the central API exactly once.
 */
@QuarkusTest
class CompressedOutageTest {

    static final int APPLICATIONS = 100;

    @BeforeEach
    @AfterEach
    void linkUp() {
        TestEvents.linkBackUp();
    }

    @Test
    void an_outage_costs_only_probes_and_every_application_arrives_once_when_the_link_returns() throws Exception {
        simulatorMode("{\"mode\":\"DOWN\"}");
        JsonPath before = stats();
        long outageStarted = System.nanoTime();
        java.time.Instant cut = java.time.Instant.now();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            publishReceived(id, UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> allReached(ids, "DELAYED"));
        // the outage goes on for several probe intervals, as outages do: only probes may reach the dead link meanwhile
        long droppedAtStart = before.getLong("droppedWhileDown");
        await().atMost(Duration.ofSeconds(30)).until(() -> stats().getLong("droppedWhileDown") - droppedAtStart >= 5);
        JsonPath during = stats();
        double outageSeconds = (System.nanoTime() - outageStarted) / 1e9;

        simulatorMode("{\"mode\":\"UP\"}");

        await().atMost(Duration.ofSeconds(90)).until(() -> allReached(ids, "SUBMITTED"));
        long callsDuringOutage = during.getLong("droppedWhileDown") - before.getLong("droppedWhileDown");
        assertTrue(
                callsDuringOutage <= outageSeconds / 1.0 + 3,
                callsDuringOutage + " calls met the dead link in " + outageSeconds + " s (probe interval 1 s)");
        var statuses = TestEvents.statusesByApplication();
        for (UUID id : ids) {
            assertEquals(
                    List.of("QUEUED", "DELAYED", "SUBMITTED"),
                    statuses.get(id.toString()),
                    "one DELAYED per application");
            given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                    .then()
                    .statusCode(200)
                    .body("creates", org.hamcrest.Matchers.equalTo(1));
        }
        assertEquals(0, stats().getLong("duplicateCreates"));
        List<String> linkStates = TestEvents.linkStatesSince(cut);
        // one DOWN for the outage, then UP; a heartbeat timing out on the busy drain may add a later DOWN/UP pair
        assertTrue(linkStates.size() >= 2, linkStates.toString());
        assertEquals(List.of("DOWN", "UP"), linkStates.subList(0, 2), "the outage announced once, then its end");
    }

    private static boolean allReached(List<UUID> ids, String status) {
        var statuses = TestEvents.statusesByApplication();
        return ids.stream()
                .allMatch(id -> statuses.getOrDefault(id.toString(), List.of()).contains(status));
    }

    private static JsonPath stats() {
        return given().get(RealInfrastructure.simulatorUrl() + "/sim/stats").jsonPath();
    }
}
