package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.localstack.KafkaBroker;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The office keeps working while Kafka is away; every event goes out once Kafka is back, once and in order. */
@QuarkusTest
class OutboxResilienceTest {

    static final String OFFICE = "5203";

    @Test
    void applications_taken_while_the_broker_is_down_are_published_once_and_in_order_when_it_returns() {
        KafkaBroker broker = RealInfrastructure.kafkaProcess().orElse(null);
        assumeTrue(broker != null, "needs a broker this JVM can stop");
        List<String> ids = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(ApplicationRegistrationTest.register(OFFICE));
            }
            given().auth()
                    .oauth2(officeToken(OFFICE))
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "moved"))
                    .post("/api/v1/applications/" + ids.get(0) + "/withdrawal")
                    .then()
                    .statusCode(200);
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(
                        List.of(ApplicationReceived.TYPE, ApplicationWithdrawn.TYPE),
                        WithdrawalAndAmendmentTest.eventTypes(ids.get(0))));
        for (String id : ids.subList(1, 3)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertEquals(List.of(ApplicationReceived.TYPE), WithdrawalAndAmendmentTest.eventTypes(id)));
        }
    }
}
