package id.ltsa.relay.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox's audit against the real broker and database: an event the broker holds is marked verified and left
 * alone; an event the outbox had published but the broker does not hold (written straight into outbox_published here,
 * as a truncated log leaves it) is published again under its own id.
 */
@QuarkusTest
@TestProfile(OutboxAuditTest.Compressed.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class OutboxAuditTest {

    public static class Compressed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ltsa.outbox.audit-after",
                    "2s",
                    "ltsa.outbox.audit-interval",
                    "1s",
                    "ltsa.outbox.audit-delay",
                    "1s",
                    // only the audit may publish again here
                    "ltsa.reconcile.received-after",
                    "1h");
        }
    }

    static KafkaTestClient kafka;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = RealInfrastructure.kafka();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void an_event_the_broker_holds_is_verified_and_not_published_again() throws Exception {
        String id = ApplicationRegistrationTest.register(ApplicationRegistrationTest.LOMBOK_TIMUR);

        await().atMost(Duration.ofSeconds(30)).until(() -> verified(id));
        assertEquals(1, kafka.recordsWithKey(Topics.APPLICATIONS, id).size(), "published once, not again");
    }

    @Test
    void an_event_the_broker_lost_is_published_again_under_its_own_id() throws Exception {
        UUID eventId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_published (event_id, seq, topic, message_key, event_type, occurred_at,
                            created_at, payload, published_at)
                        VALUES (?, 0, ?, ?, 'id.ltsa.application.received.v1', now(), now(), '{}',
                            now() - interval '10 seconds')""")) {
            insert.setObject(1, eventId);
            insert.setString(2, Topics.APPLICATIONS);
            insert.setString(3, key);
            insert.executeUpdate();
        }

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.recordsWithKey(Topics.APPLICATIONS, key), found -> !found.isEmpty());
        assertEquals(eventId.toString(), KafkaTestClient.header(records.get(0), "ce_id"), "under its own id");
        await().atMost(Duration.ofSeconds(30)).until(() -> verified(key));
        assertEquals(1, kafka.recordsWithKey(Topics.APPLICATIONS, key).size(), "once found, left alone");
        String metrics = given().port(RealInfrastructure.managementPort())
                .get("/q/metrics")
                .then()
                .extract()
                .asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(line ->
                                line.startsWith("ltsa_outbox_audit_republished_total") && !line.endsWith(" 0.0")),
                "counted");
    }

    private boolean verified(String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT bool_and(verified_at IS NOT NULL) FROM outbox_published WHERE message_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
