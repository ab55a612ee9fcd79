package id.ltsa.relay.submission;

import static io.restassured.RestAssured.given;

import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** What the tests of this service do to the outside world: events in, statuses out, the simulator's mode. */
final class TestEvents {

    static final String TRACKING_CODE = "LT-TEST0001";
    private static KafkaTestClient kafka;

    private TestEvents() {}

    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = RealInfrastructure.kafka();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    static void publishReceived(UUID id, String eventId) throws Exception {
        publishReceived(id, eventId, null);
    }

    /** @param traceparent the office's trace the event carries (W3C), or null for none */
    static void publishReceived(UUID id, String eventId, String traceparent) throws Exception {
        ApplicationReceived received = new ApplicationReceived(
                id,
                TRACKING_CODE,
                SampleApplicant.OFFICE,
                "PASSPORT",
                1,
                SampleApplicant.details(SampleApplicant.NIK, SampleApplicant.PHONE, null),
                SampleApplicant.PLACEMENT,
                Instant.now());
        kafka().publish(
                        id.toString(),
                        eventId,
                        received,
                        traceparent == null ? Map.of() : Map.of("traceparent", traceparent));
    }

    /** The statuses published for an application, in the order they are on the topic. */
    static List<String> statuses(UUID id) {
        List<String> statuses = new ArrayList<>();
        for (var record : kafka().recordsWithKey(Topics.APPLICATION_STATUS, id.toString())) {
            try {
                statuses.add(KafkaTestClient.JSON
                        .readTree(record.value())
                        .get("status")
                        .asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return statuses;
    }

    /** The simulator answers again, and the service has noticed (its probe runs each second in tests). */
    static void linkBackUp() {
        simulatorMode("{\"mode\":\"UP\"}");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                        .get("/api/v1/ops/backlog")
                        .then()
                        .body("linkState", org.hamcrest.Matchers.equalTo("UP")));
    }

    /** Every application's statuses, from one read of the topic. */
    static java.util.Map<String, List<String>> statusesByApplication() {
        java.util.Map<String, List<String>> byId = new java.util.HashMap<>();
        for (var record : kafka().records(Topics.APPLICATION_STATUS, record -> true)) {
            try {
                byId.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(KafkaTestClient.JSON
                                .readTree(record.value())
                                .get("status")
                                .asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return byId;
    }

    /** The rows of the service's own database that one query with one text parameter counts. */
    static long count(DataSource dataSource, String query, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(query)) {
            count.setString(1, value);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void simulatorMode(String body) {
        given().contentType(ContentType.JSON)
                .body(body)
                .put(RealInfrastructure.simulatorUrl() + "/sim/mode")
                .then()
                .statusCode(200);
    }

    /** The link states announced on ltsa.central-link for changes at or after the given instant, in topic order. */
    static List<String> linkStatesSince(Instant cut) {
        List<String> states = new ArrayList<>();
        for (var record : kafka().records(Topics.CENTRAL_LINK, record -> true)) {
            try {
                var event = KafkaTestClient.JSON.readTree(record.value());
                if (!Instant.parse(event.get("since").asText()).isBefore(cut)) {
                    states.add(event.get("state").asText());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return states;
    }
}
