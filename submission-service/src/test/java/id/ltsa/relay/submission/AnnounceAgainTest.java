package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static id.ltsa.relay.submission.TestEvents.statuses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A duplicate of an application event is intake asking again (its reconciliation): the answer is the application's
 * status events once more, under their own ce_ids, so a read model or notification-service that never saw them heals
 * and one that did drops them. The central API is not asked again.
 */
@QuarkusTest
@TestProfile(AnnounceAgainTest.AnswerAtOnce.class)
@QuarkusTestResource(
        value = RealInfrastructure.class,
        initArgs = {
            @ResourceArg(name = "database", value = "submission"),
            @ResourceArg(name = "simulator", value = "true")
        })
class AnnounceAgainTest {

    @Inject
    AgroalDataSource dataSource;

    /** No quiet period: every duplicate is answered (1 min by default, so a replay after a crash is not). */
    public static class AnswerAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ltsa.submission.announce-again-after", "0s");
        }
    }

    @BeforeEach
    void linkUp() {
        TestEvents.linkBackUp();
    }

    @Test
    void a_duplicate_application_event_announces_the_statuses_again_under_their_own_ids() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publishReceived(id, eventId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "SUBMITTED"), statuses(id)));
        // The relay moves what the broker acknowledged at its next round (within a second): until then the key
        // counts as having events waiting, and nothing is published again ahead of them. In an office the quiet
        // period (a minute) covers that second; here, with none, the duplicate comes once they are moved.
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingInTheOutbox(id) == 0);

        publishReceived(id, eventId);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(List.of("QUEUED", "SUBMITTED", "QUEUED", "SUBMITTED"), statuses(id)));
        List<String> ids = TestEvents.kafka().recordsWithKey(Topics.APPLICATION_STATUS, id.toString()).stream()
                .map(record -> KafkaTestClient.header(record, "ce_id"))
                .toList();
        assertEquals(ids.subList(0, 2), ids.subList(2, 4), "the same events, not new ones");
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then()
                .body("creates", equalTo(1));
    }

    private long waitingInTheOutbox(UUID id) throws Exception {
        return TestEvents.count(dataSource, "SELECT count(*) FROM outbox_event WHERE message_key = ?", id.toString());
    }
}
