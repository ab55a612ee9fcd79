package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.modemMessages;
import static id.ltsa.relay.notification.NotificationEvents.newEmail;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.notificationLog;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static id.ltsa.relay.notification.NotificationEvents.publishStatus;
import static id.ltsa.relay.notification.NotificationEvents.unreachableTries;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.localstack.Processes;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationStatus;
import id.ltsa.relay.notification.decision.StoredMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The office with nothing upstream answering (the gateway and the SMTP relay refuse every connection: no request ever
 * leaves), and its modem working: what cannot wait goes by LOCAL_SMS - RECEIVED with the tracking code, then DELAYED -
 * and the rest waits for the internet without spending its attempts. (The real uplink cut, with recovery, is the
 * end-to-end suite's.)
 */
@QuarkusTest
@TestProfile(OfficeOfflineNotificationTest.NothingUpstreamAnswers.class)
public class OfficeOfflineNotificationTest {

    /** The gateway and SMTP on ports where nothing listens; the real database, broker and Gammu SMSD. */
    public static class NothingUpstreamAnswers implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.rest-client.gateway.url",
                    "http://127.0.0.1:" + Processes.freePort(),
                    "quarkus.mailer.host",
                    "127.0.0.1",
                    "quarkus.mailer.port",
                    Integer.toString(Processes.freePort()));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    RealInfrastructure.class, Map.of("database", "notification_offline", "modem", "true")));
        }
    }

    @Test
    void received_and_delayed_go_by_the_office_modem_once_and_in_order() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        publishReceived(id, phone, null, NotificationChannel.WHATSAPP, "id");
        publishStatus(
                id, ApplicationStatus.DELAYED, 1, 1, null, UUID.randomUUID().toString());
        publishStatus(
                id, ApplicationStatus.DELAYED, 2, 1, null, UUID.randomUUID().toString()); // same episode

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notificationLog(id)
                .body("items", hasSize(2))
                .body("items.transition", equalTo(List.of("RECEIVED", "DELAYED")))
                .body("items.channel", equalTo(List.of("LOCAL_SMS", "LOCAL_SMS")))
                .body("items.status", equalTo(List.of("SENT", "SENT"))));
        // newest first: DELAYED went after RECEIVED, each once
        modemMessages(phone, "out")
                .body("items", hasSize(2))
                .body("items[1].text", containsString("Kode lacak: " + NotificationEvents.TRACKING_CODE))
                .body("items[0].text", containsString("tersimpan aman"))
                .body("items.status", hasItems("SendingOKNoReport"));
    }

    @Test
    void an_email_applicant_still_hears_by_sms_and_what_can_wait_waits_without_spending_attempts() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        publishReceived(id, phone, newEmail(), NotificationChannel.EMAIL, "en");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notificationLog(id)
                .body("items[0].channel", equalTo("LOCAL_SMS"))
                .body("items[0].status", equalTo("SENT")));
        modemMessages(phone, "out").body("items[0].text", containsString("Tracking code"));

        double silentBefore = unreachableTries("EMAIL");
        publishStatus(id, ApplicationStatus.SUBMITTED, UUID.randomUUID().toString());
        // it asks the SMTP relay again after each recheck (2 s in tests) and finds it silent each time ...
        await().atMost(Duration.ofSeconds(30)).until(() -> unreachableTries("EMAIL") >= silentBefore + 3);
        // ... and still waits for the internet, with no attempt spent on the silence and nothing sent by the modem
        notificationLog(id)
                .body("items[1].transition", equalTo("SUBMITTED"))
                .body("items[1].status", equalTo("PENDING"))
                .body("items[1].attempts", equalTo(0));
        modemMessages(phone, "out").body("items", hasSize(1));
    }

    @Test
    void a_message_left_with_a_dead_modem_is_taken_back_waits_and_goes_once_when_the_modem_returns() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        RealInfrastructure.modem().kill(); // the daemon dies; gammu's last report of the modem still looks fresh
        try {
            publishReceived(id, phone, null, NotificationChannel.SMS, "id");
            // handed over, not taken, taken back; once the modem counts as gone (15 s in tests) it simply waits
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !modemHealth().getBoolean("up")
                            && "PENDING".equals(notificationLog(id).extract().path("items[0].status"))
                            && modemMessages(phone, "out")
                                    .extract()
                                    .path("items.size()")
                                    .equals(0));
        } finally {
            RealInfrastructure.modem().start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> modemHealth().getBoolean("up"));
        // the modem is back: the message goes by it, once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> modemMessages(phone, "out")
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("SendingOKNoReport")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notificationLog(id)
                .body("items[0].channel", equalTo("LOCAL_SMS"))
                .body("items[0].status", equalTo("SENT")));
    }

    @Test
    void a_message_whose_gateway_call_was_never_recorded_never_goes_by_the_modem() throws Exception {
        // as a sender that died mid-call leaves it: claimed, the call in flight, its outcome never recorded
        UUID inFlight = UUID.randomUUID();
        String phone = newPhone();
        QuarkusTransaction.requiringNew().run(() -> {
            StoredMessages.recipient(inFlight, phone).persist();
            unsent(inFlight, true).persist();
        });
        UUID control = UUID.randomUUID();
        String controlPhone = newPhone();
        QuarkusTransaction.requiringNew().run(() -> {
            StoredMessages.recipient(control, controlPhone).persist();
            unsent(control, false).persist();
        });

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> modemMessages(controlPhone, "out").body("items", hasSize(1)));
        double silentBefore = unreachableTries("SMS");
        await().atMost(Duration.ofSeconds(30)).until(() -> unreachableTries("SMS") >= silentBefore + 2);
        modemMessages(phone, "out").body("items", hasSize(0));
        Notification held = QuarkusTransaction.requiringNew()
                .call(() -> Notification.findById(StoredMessages.id(inFlight, ApplicationStatus.RECEIVED, 1)));
        assertEquals(NotificationStatus.PENDING, held.status);
        assertTrue(held.gatewayMaybeDelivered, "the lost call may have arrived: marked for good");
    }

    /** A RECEIVED not sent yet: its call in flight and never recorded (a sender that died mid-call), or not. */
    private static Notification unsent(UUID applicationId, boolean callInFlight) {
        Notification notification = StoredMessages.message(applicationId, ApplicationStatus.RECEIVED, 1);
        notification.attempts = callInFlight ? 1 : 0;
        notification.callInFlight = callInFlight;
        return notification;
    }

    private static io.restassured.path.json.JsonPath modemHealth() {
        return given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                .get("/api/v1/modem/health")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void the_modems_health_is_read_from_gammu_and_shown_as_metrics() {
        var health = given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                .get("/api/v1/modem/health")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(health.getBoolean("present") && health.getBoolean("up"), health.prettyPrint());
        assertEquals(42, health.getInt("signalPercent"), "gammu's dummy phone reports 42 %");
        assertEquals(100, health.getInt("batteryPercent"));
        String metrics = given().port(RealInfrastructure.managementPort())
                .get("/q/metrics")
                .asString();
        assertTrue(metrics.contains("ltsa_modem_up 1.0"), "ltsa_modem_up");
        assertTrue(metrics.contains("ltsa_modem_signal_percent 42.0"), "ltsa_modem_signal_percent");
        assertTrue(metrics.contains("ltsa_modem_last_contact_age_seconds"), "ltsa_modem_last_contact_age_seconds");
    }
}
