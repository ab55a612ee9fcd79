package id.ltsa.relay.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleStatusChange;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application whose events submission-service never saw stays RECEIVED; after {@code received-after} (3 s here,
 * 5 min by default) intake publishes its events again, under the same ce_id, so a consumer that did see them drops
 * them. One whose status moved on is left alone.
 */
@QuarkusTest
@TestProfile(UnseenApplicationsTest.Compressed.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class UnseenApplicationsTest {

    public static class Compressed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ltsa.reconcile.received-after", "3s", "ltsa.reconcile.interval", "1s");
        }
    }

    static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = RealInfrastructure.kafka();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void an_application_still_received_is_published_again_under_the_same_id_and_not_more_often() {
        String id = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.recordsWithKey(Topics.APPLICATIONS, id), found -> found.size() >= 2);
        Set<String> ids =
                records.stream().map(r -> KafkaTestClient.header(r, "ce_id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "the same event, not a new one: " + ids);
        assertEquals(ApplicationReceived.TYPE, KafkaTestClient.header(records.get(1), "ce_type"));
        long first = records.get(0).timestamp();
        long second = records.get(1).timestamp();
        // counted from when it was last published: never again within received-after
        assertTrue(second - first >= 3000, "republished " + (second - first) + " ms after it was published");
    }

    @Test
    void an_application_whose_status_moved_on_is_left_alone() throws Exception {
        String id = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);
        ApplicationStatusChanged queued = SampleStatusChange.of(id, ApplicationStatus.QUEUED)
                .from(ApplicationStatus.RECEIVED)
                .attempt(0)
                .build();
        kafka.publish(id, queued);
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(status(id)));

        // a third application, registered after this one and still RECEIVED, is republished: by then this one
        // would have been too, had it still been RECEIVED
        String later = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.recordsWithKey(Topics.APPLICATIONS, later).size() >= 2);
        assertEquals(1, kafka.recordsWithKey(Topics.APPLICATIONS, id).size(), "published once only");
    }

    private static String status(String id) {
        return given().auth()
                .oauth2(ApplicationRegistrationTest.officeToken(ApplicationRegistrationTest.LOMBOK_TIMUR))
                .get("/api/v1/applications/" + id)
                .then()
                .extract()
                .path("status");
    }
}
