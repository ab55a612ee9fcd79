package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.gateway;
import static id.ltsa.relay.notification.NotificationEvents.messagesTo;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.notificationLog;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static id.ltsa.relay.notification.NotificationEvents.publishStatus;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens when a channel fails: fall back, retry with backoff, or give up visibly. */
@QuarkusTest
class ChannelFailuresTest {

    @AfterEach
    void gatewayBackToNormal() {
        gateway(false, List.of(), List.of());
    }

    @Test
    void a_number_without_whatsapp_gets_the_message_by_sms() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        gateway(false, List.of(phone), List.of());

        publishReceived(id, phone, null, NotificationChannel.WHATSAPP, "id");
        publishStatus(id, ApplicationStatus.SUBMITTED, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> messagesTo(phone)
                .body("items.channel", contains("SMS", "SMS"))
                .body("items[0].text", containsString("Kode lacak")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notificationLog(id)
                .body("items.channel", contains("SMS", "SMS"))
                .body("items.status", contains("SENT", "SENT")));
    }

    @Test
    void a_gateway_outage_holds_messages_and_recovery_sends_each_once() throws Exception {
        gateway(true, List.of(), List.of());
        List<UUID> ids = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            String phone = newPhone();
            ids.add(id);
            phones.add(phone);
            publishReceived(id, phone, null, NotificationChannel.SMS, "id");
        }
        // every message has been tried and refused at least twice
        for (UUID id : ids) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notificationLog(id)
                    .body("items.status", contains("PENDING"))
                    .body("items.attempts", everyItem(greaterThanOrEqualTo(2))));
        }
        phones.forEach(phone -> messagesTo(phone).body("items", hasSize(0)));

        gateway(false, List.of(), List.of());

        for (int i = 0; i < ids.size(); i++) {
            String phone = phones.get(i);
            UUID id = ids.get(i);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> notificationLog(id).body("items.status", contains("SENT")));
            messagesTo(phone).body("items", hasSize(1));
        }
    }

    @Test
    void a_number_no_channel_can_reach_ends_failed_and_visible() throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        gateway(false, List.of(), List.of(phone));

        publishReceived(id, phone, null, NotificationChannel.WHATSAPP, "en");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notificationLog(id)
                .body("items.status", contains("FAILED"))
                .body("items.channel", contains("SMS")));
        messagesTo(phone).body("items", hasSize(0));
        given().port(RealInfrastructure.managementPort())
                .get("/q/metrics")
                .then()
                .body(containsString("ltsa_notification_outcomes_total{channel=\"SMS\",outcome=\"failed\"}"));
    }
}
