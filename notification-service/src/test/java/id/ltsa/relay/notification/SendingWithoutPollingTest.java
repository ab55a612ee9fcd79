package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.messagesTo;
import static id.ltsa.relay.notification.NotificationEvents.notificationLog;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static id.ltsa.relay.notification.NotificationEvents.publishStatus;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A decided message is claimed in the transaction that decides it, and the application's next one by the look for due
 * messages (and a second ahead) that recording the first as sent asks for: neither waits for the sender's poll, here
 * once an hour.
 */
@QuarkusTest
@TestProfile(SendingWithoutPollingTest.PollOnceAnHour.class)
class SendingWithoutPollingTest {

    public static class PollOnceAnHour implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ltsa.notification.poll-interval", "1h");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    RealInfrastructure.class, Map.of("database", "notification", "simulator", "true")));
        }
    }

    @Test
    void each_applicant_hears_every_status_in_order_without_the_poll() throws Exception {
        // several applicants at once, each with three statuses in quick succession: a later message often finds the
        // earlier one still at the gateway, so it waits for it and goes once that one is recorded as sent
        List<UUID> applications = Stream.generate(UUID::randomUUID).limit(8).toList();
        List<String> phones =
                Stream.generate(NotificationEvents::newPhone).limit(8).toList();
        for (int i = 0; i < applications.size(); i++) {
            publishReceived(applications.get(i), phones.get(i), null, NotificationChannel.SMS, "id");
            publishStatus(
                    applications.get(i),
                    ApplicationStatus.SUBMITTED,
                    UUID.randomUUID().toString());
            publishStatus(
                    applications.get(i),
                    ApplicationStatus.APPROVED,
                    UUID.randomUUID().toString());
        }

        for (int i = 0; i < applications.size(); i++) {
            String phone = phones.get(i);
            UUID id = applications.get(i);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> messagesTo(phone)
                    .body("items", hasSize(3))
                    .body("items[0].text", containsString("Kode lacak"))
                    .body("items[1].text", containsString("sudah dikirim ke pusat"))
                    .body("items[2].text", containsString("disetujui")));
            notificationLog(id)
                    .body("items.transition", contains("RECEIVED", "SUBMITTED", "APPROVED"))
                    .body("items.status", contains("SENT", "SENT", "SENT"));
        }
    }
}
