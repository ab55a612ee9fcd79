package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.messagesTo;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.notificationLog;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.StoredMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Messages no decision claimed (written as an outage, a crash or another instance leaves them) are found by the look
 * for due messages, which claims them a page at a time: more than a page of them all go, once each and in order per
 * applicant, and a due message another transaction holds locked is passed over, not waited for, and goes once it is
 * let go.
 */
@QuarkusTest
class DueMessagesTest {

    @Test
    void more_than_a_page_of_due_messages_go_once_each_in_order_passing_over_one_held_locked() throws Exception {
        // the oldest due message, so that it is in every look's page while it is held
        UUID held = UUID.randomUUID();
        String heldPhone = newPhone();
        Instant oldest = Instant.now().minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> due(held, ApplicationStatus.RECEIVED, oldest));
        try (Connection other = StoredMessages.connectionOfItsOwn()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT 1 FROM notification WHERE application_id = ? FOR UPDATE")) {
                lock.setObject(1, held);
                lock.executeQuery().close();
            }
            // its recipient only now: until then a look that came first could only leave it waiting
            QuarkusTransaction.requiringNew()
                    .run(() -> StoredMessages.recipient(held, heldPhone).persist());

            List<UUID> applicants = Stream.generate(UUID::randomUUID).limit(10).toList();
            List<String> phones =
                    Stream.generate(NotificationEvents::newPhone).limit(10).toList();
            QuarkusTransaction.requiringNew().run(() -> {
                Instant now = Instant.now();
                for (int i = 0; i < applicants.size(); i++) {
                    StoredMessages.recipient(applicants.get(i), phones.get(i)).persist();
                    due(applicants.get(i), ApplicationStatus.RECEIVED, now.plusMillis(i));
                    due(applicants.get(i), ApplicationStatus.SUBMITTED, now.plusMillis(i + 100));
                }
            });

            for (int i = 0; i < applicants.size(); i++) {
                String phone = phones.get(i);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> messagesTo(phone)
                        .body("items", hasSize(2))
                        .body("items[0].text", containsString("Kode lacak"))
                        .body("items[1].text", containsString("sudah dikirim ke pusat")));
                notificationLog(applicants.get(i))
                        .body("items.transition", contains("RECEIVED", "SUBMITTED"))
                        .body("items.status", contains("SENT", "SENT"));
            }
            messagesTo(heldPhone).body("items", hasSize(0));
            other.rollback();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> messagesTo(heldPhone).body("items", hasSize(1)));
        notificationLog(held).body("items.status", contains("SENT"));
    }

    /** A message due since {@code createdAt}, as a decision no sender claimed leaves it. */
    private static void due(UUID application, ApplicationStatus transition, Instant createdAt) {
        Notification message = StoredMessages.message(application, transition, 1);
        message.nextAttemptAt = createdAt;
        message.createdAt = createdAt;
        message.persist();
    }
}
