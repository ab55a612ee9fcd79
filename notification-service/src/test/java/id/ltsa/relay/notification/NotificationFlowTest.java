package id.ltsa.relay.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.ltsa.relay.contracts.ApplicantDetails;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.PlacementDetails;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = {
    @ResourceArg(name = "database", value = "notification"),
    @ResourceArg(name = "simulator", value = "true")})
class NotificationFlowTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 100_000));
    static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(RealInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void a_whatsapp_applicant_hears_received_and_submitted_once_each_in_bahasa_indonesia() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = "+62812" + String.format("%07d", PHONES.incrementAndGet());
        publishReceived(id, phone, null, NotificationChannel.WHATSAPP, "id");
        String submittedEventId = UUID.randomUUID().toString();
        publishStatus(id, ApplicationStatus.SUBMITTED, submittedEventId);
        publishStatus(id, ApplicationStatus.SUBMITTED, submittedEventId); // redelivered
        publishStatus(id, ApplicationStatus.SUBMITTED, UUID.randomUUID().toString()); // re-published by the outbox

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("to", phone)
                .get(RealInfrastructure.simulatorUrl() + "/sim/messages")
                .then().body("items", hasSize(2))
                .body("items[0].text", containsString("Kode lacak: LT-TEST0001"))
                .body("items[1].text", containsString("sudah dikirim ke pusat")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .auth().oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .queryParam("applicationId", id.toString()).get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items.transition", contains("RECEIVED", "SUBMITTED"))
                .body("items.status", contains("SENT", "SENT")));
    }

    @Test
    void an_email_applicant_gets_an_email_in_english() throws Exception {
        UUID id = UUID.randomUUID();
        String email = "cpmi" + PHONES.incrementAndGet() + "@example.org";

        publishReceived(id, "+6281200000001", email, NotificationChannel.EMAIL, "en");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("to", email)
                .get(RealInfrastructure.simulatorUrl() + "/sim/emails")
                .then().body("items", hasSize(1))
                .body("items[0].subject", equalTo("Passport application LT-TEST0001"))
                .body("items[0].text", containsString("Tracking code: LT-TEST0001")));
    }

    @Test
    void another_office_cannot_read_the_notification_log() throws Exception {
        UUID id = UUID.randomUUID();
        publishReceived(id, "+6281200000002", null, NotificationChannel.SMS, "id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .queryParam("applicationId", id.toString()).get("/api/v1/notifications").then().statusCode(200));

        given().auth().oauth2(RealInfrastructure.tokens().token("5201", "office"))
                .queryParam("applicationId", id.toString()).get("/api/v1/notifications").then().statusCode(404);
    }

    private static void publishReceived(UUID id, String phone, String email, NotificationChannel channel,
            String language) throws Exception {
        ApplicationReceived received = new ApplicationReceived(id, "LT-TEST0001", "5203", "PASSPORT", 1,
                new ApplicantDetails("5203010504950001", "Darwan Hadi", LocalDate.of(1995, 4, 5), "Selong", "M",
                        phone, email, channel, language),
                new PlacementDetails("KR", "G_TO_G", "Hanil Manufacturing", "Production operator", null),
                Instant.now());
        kafka.sendCloudEvent(Topics.APPLICATIONS, id.toString(), UUID.randomUUID().toString(),
                ApplicationReceived.TYPE, JSON.writeValueAsString(received));
    }

    private static void publishStatus(UUID id, ApplicationStatus status, String eventId) throws Exception {
        ApplicationStatusChanged changed = new ApplicationStatusChanged(id, "LT-TEST0001", "5203", status,
                ApplicationStatus.QUEUED, null, "PAS-1", 1, null, 1, 0, Instant.now());
        kafka.sendCloudEvent(Topics.APPLICATION_STATUS, id.toString(), eventId, ApplicationStatusChanged.TYPE,
                JSON.writeValueAsString(changed));
    }
}
