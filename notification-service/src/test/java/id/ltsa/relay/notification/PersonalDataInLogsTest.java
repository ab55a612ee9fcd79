package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.gateway;
import static id.ltsa.relay.notification.NotificationEvents.newEmail;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.notificationLog;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.ltsa.relay.contracts.NotificationChannel;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service's own log (target/notification-test.log in tests) never holds a name, a phone or an email. */
@QuarkusTest
class PersonalDataInLogsTest {

    @Test
    void sending_falling_back_and_failing_leave_no_personal_data_in_the_log() throws Exception {
        String noWhatsapp = newPhone();
        String invalid = newPhone();
        String email = newEmail();
        gateway(false, List.of(noWhatsapp), List.of(invalid));
        try {
            UUID fallsBack = UUID.randomUUID();
            UUID fails = UUID.randomUUID();
            UUID mailed = UUID.randomUUID();
            publishReceived(fallsBack, "Wayan Sukadana", noWhatsapp, null, NotificationChannel.WHATSAPP, "id");
            publishReceived(fails, "Wayan Sukadana", invalid, null, NotificationChannel.SMS, "id");
            publishReceived(mailed, "Wayan Sukadana", newPhone(), email, NotificationChannel.EMAIL, "en");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                notificationLog(fallsBack).body("items.status", contains("SENT"));
                notificationLog(fails).body("items.status", contains("FAILED"));
                notificationLog(mailed).body("items.status", contains("SENT"));
            });
        } finally {
            gateway(false, List.of(), List.of());
        }

        String log = Files.readString(Path.of("target/notification-test.log"));
        for (String personal : List.of("Sukadana", "Wayan", noWhatsapp, invalid, email)) {
            assertFalse(log.contains(personal), "log contains " + personal);
        }
    }
}
