package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.emailsTo;
import static id.ltsa.relay.notification.NotificationEvents.messagesTo;
import static id.ltsa.relay.notification.NotificationEvents.newEmail;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.notificationLog;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static id.ltsa.relay.notification.NotificationEvents.publishStatus;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One message per applicant per transition, whatever Kafka redelivers or reorders. */
@QuarkusTest
@QuarkusTestResource(
        value = RealInfrastructure.class,
        initArgs = {
            @ResourceArg(name = "database", value = "notification"),
            @ResourceArg(name = "simulator", value = "true"),
            @ResourceArg(name = "modem", value = "true")
        })
class NotificationFlowTest {

    @Test
    void a_whatsapp_applicant_hears_received_and_submitted_once_each_in_bahasa_indonesia() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        publishReceived(id, phone, null, NotificationChannel.WHATSAPP, "id");
        String submittedEventId = UUID.randomUUID().toString();
        publishStatus(id, ApplicationStatus.SUBMITTED, submittedEventId);
        publishStatus(id, ApplicationStatus.SUBMITTED, submittedEventId); // redelivered
        publishStatus(id, ApplicationStatus.SUBMITTED, UUID.randomUUID().toString()); // re-published by the outbox

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> messagesTo(phone)
                .body("items", hasSize(2))
                .body("items[0].channel", equalTo("WHATSAPP"))
                .body("items[0].text", containsString("Kode lacak: LT-TEST0001"))
                .body("items[1].text", containsString("sudah dikirim ke pusat")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notificationLog(id)
                .body("items.transition", contains("RECEIVED", "SUBMITTED"))
                .body("items.status", contains("SENT", "SENT"))
                .body("items.language", contains("id", "id")));
    }

    @Test
    void an_email_applicant_gets_an_email_in_english() throws Exception {
        UUID id = UUID.randomUUID();
        String email = newEmail();

        publishReceived(id, "+6281200000001", email, NotificationChannel.EMAIL, "en");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> emailsTo(email)
                .body("items", hasSize(1))
                .body("items[0].subject", equalTo("Passport application LT-TEST0001"))
                .body("items[0].text", containsString("Tracking code: LT-TEST0001")));
    }

    @Test
    void an_sms_applicant_gets_an_sms() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();

        publishReceived(id, phone, null, NotificationChannel.SMS, "en");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> messagesTo(phone)
                .body("items.channel", contains("SMS"))
                .body("items[0].text", containsString("Tracking code: LT-TEST0001")));
    }

    @Test
    void one_delayed_message_per_outage_episode_however_many_retries_report_it() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        publishReceived(id, phone, null, NotificationChannel.WHATSAPP, "id");
        for (int attempt = 1; attempt <= 5; attempt++) {
            publishStatus(
                    id,
                    ApplicationStatus.DELAYED,
                    attempt,
                    1,
                    null,
                    UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> messagesTo(phone).body("items", hasSize(2)));

        // the link came back, the send failed again: a second episode is news
        for (int attempt = 6; attempt <= 8; attempt++) {
            publishStatus(
                    id,
                    ApplicationStatus.DELAYED,
                    attempt,
                    2,
                    null,
                    UUID.randomUUID().toString());
        }
        publishStatus(id, ApplicationStatus.SUBMITTED, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> messagesTo(phone)
                .body("items", hasSize(4))
                .body("items[1].text", containsString("tersimpan aman"))
                .body("items[2].text", containsString("tersimpan aman"))
                .body("items[3].text", containsString("sudah dikirim ke pusat")));
        notificationLog(id).body("items.transition", contains("RECEIVED", "DELAYED", "DELAYED", "SUBMITTED"));
    }

    @Test
    void a_late_older_status_is_never_announced_after_a_newer_one() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        publishReceived(id, phone, null, NotificationChannel.WHATSAPP, "en");
        publishStatus(id, ApplicationStatus.SUBMITTED, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> messagesTo(phone).body("items", hasSize(2)));

        publishStatus(
                id, ApplicationStatus.DELAYED, 1, 1, null, UUID.randomUUID().toString()); // late
        publishStatus(id, ApplicationStatus.APPROVED, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> messagesTo(phone)
                .body("items", hasSize(3))
                .body("items[2].text", containsString("is approved")));
        notificationLog(id).body("items.transition", contains("RECEIVED", "SUBMITTED", "APPROVED"));
    }

    @Test
    void a_status_that_arrives_before_its_application_waits_and_goes_out_after_received() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        publishStatus(id, ApplicationStatus.SUBMITTED, UUID.randomUUID().toString());
        publishReceived(id, phone, null, NotificationChannel.SMS, "id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> messagesTo(phone)
                .body("items", hasSize(2))
                .body("items[0].text", containsString("Kode lacak"))
                .body("items[1].text", containsString("sudah dikirim ke pusat")));
    }

    @Test
    void another_office_cannot_read_the_notification_log() throws Exception {
        UUID id = UUID.randomUUID();
        publishReceived(id, "+6281200000002", null, NotificationChannel.SMS, "id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notificationLog(id));

        // the same problem for another office's application as for one that does not exist
        String othersAnswer = given().auth()
                .oauth2(RealInfrastructure.tokens().token("5201", "office"))
                .queryParam("applicationId", id.toString())
                .get("/api/v1/notifications")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-found"))
                .extract()
                .asString();
        String missingAnswer = given().auth()
                .oauth2(RealInfrastructure.tokens().token("5201", "office"))
                .queryParam("applicationId", UUID.randomUUID().toString())
                .get("/api/v1/notifications")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertEquals(missingAnswer, othersAnswer);
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5201", "office"))
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("applicationId"));
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5201", "office"))
                .queryParam("applicationId", "LT-7K3M9Q2X") // a tracking code where the id belongs
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("applicationId"))
                .body("errors[0].message", containsString("UUID"));
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("0000", "ministry"))
                .queryParam("applicationId", id.toString())
                .get("/api/v1/notifications")
                .then()
                .statusCode(200);

        // and the audit trail says who looked, including the other office's try
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                .queryParam("applicationId", id.toString())
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", everyItem(equalTo("NOTIFICATIONS_READ")))
                .body("items.subject", hasItems("office-5201", "ministry-0000"))
                .body("items.outcome", hasItems(404, 200)));
    }
}
