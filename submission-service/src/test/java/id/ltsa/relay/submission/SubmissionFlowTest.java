package id.ltsa.relay.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.ltsa.relay.contracts.ApplicantDetails;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.PlacementDetails;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = {
    @ResourceArg(name = "database", value = "submission"),
    @ResourceArg(name = "simulator", value = "true")})
class SubmissionFlowTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(RealInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @AfterEach
    void linkBackUp() {
        simulatorMode("{\"mode\":\"UP\"}");
    }

    @Test
    void a_received_application_reaches_the_central_api_once_and_is_reported_submitted() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        publishReceived(id, eventId);
        publishReceived(id, eventId); // redelivered: same CloudEvents id

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                List.of("QUEUED", "SUBMITTED"), statuses(id)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id)
                .then().statusCode(200)
                .body("creates", equalTo(1))
                .body("revisions[0].idempotencyKey", equalTo(id + "-r1"));
    }

    @Test
    void while_the_link_is_down_an_application_is_delayed_once_and_submitted_when_it_returns() throws Exception {
        simulatorMode("{\"mode\":\"DOWN\"}");
        UUID id = UUID.randomUUID();

        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id).contains("DELAYED"));
        simulatorMode("{\"mode\":\"UP\"}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(
                List.of("QUEUED", "DELAYED", "SUBMITTED"), statuses(id)));
        given().get(RealInfrastructure.simulatorUrl() + "/sim/applications/" + id).then().body("creates", equalTo(1));
    }

    @Test
    void invalid_data_at_the_central_api_returns_the_application_with_the_reason() throws Exception {
        simulatorMode("{\"mode\":\"REJECT_ALL\"}");
        UUID id = UUID.randomUUID();

        publishReceived(id, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                List.of("QUEUED", "RETURNED"), statuses(id)));
    }

    private static List<String> statuses(UUID id) throws Exception {
        List<ConsumerRecord<String, String>> records = kafka.recordsWithKey(Topics.APPLICATION_STATUS, id.toString());
        List<String> statuses = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            statuses.add(JSON.readTree(record.value()).get("status").asText());
        }
        return statuses;
    }

    static void publishReceived(UUID id, String eventId) throws Exception {
        ApplicationReceived received = new ApplicationReceived(id, "LT-TEST0001", "5203", "PASSPORT", 1,
                new ApplicantDetails("5203010504950001", "Darwan Hadi", LocalDate.of(1995, 4, 5), "Selong", "M",
                        "+6281234567890", null, NotificationChannel.WHATSAPP, "id"),
                new PlacementDetails("KR", "G_TO_G", "Hanil Manufacturing", "Production operator", null),
                Instant.now());
        kafka.sendCloudEvent(Topics.APPLICATIONS, id.toString(), eventId, ApplicationReceived.TYPE,
                JSON.writeValueAsString(received));
    }

    static void simulatorMode(String body) {
        given().contentType(ContentType.JSON).body(body).put(RealInfrastructure.simulatorUrl() + "/sim/mode")
                .then().statusCode(200);
    }
}
