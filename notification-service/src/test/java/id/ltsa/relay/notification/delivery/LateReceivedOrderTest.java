package id.ltsa.relay.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationStatus;
import id.ltsa.relay.notification.decision.StoredMessages;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A RECEIVED decided while the look for due messages runs is not overtaken by the later message that look found due. It
 * happens after an amendment when the contacts topic is behind the status topic: SUBMITTED of revision 2 was delivered,
 * APPROVED of revision 2 waited for it and is due now, and the amendment's RECEIVED is being decided (its transaction
 * holds the application's lock) as the sender looks. Run on the real database, with the decision's transaction held
 * open on a connection of its own while the look runs.
 */
@QuarkusTest
class LateReceivedOrderTest {

    @Inject
    NotificationClaims claims;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_message_found_due_does_not_overtake_a_received_decided_meanwhile() throws Exception {
        UUID application = UUID.randomUUID();
        Notification submitted = StoredMessages.message(application, ApplicationStatus.SUBMITTED, 2);
        submitted.status = NotificationStatus.SENT;
        submitted.attempts = 1;
        submitted.channel = DeliveryChannel.SMS;
        submitted.sentAt = Instant.now();
        Notification approved = StoredMessages.message(application, ApplicationStatus.APPROVED, 2);
        // not due yet, so that the service's own sender leaves it alone until the moment is set up
        approved.nextAttemptAt = Instant.now().plusSeconds(3600);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredMessages.recipient(application, "+6281200000001").persist();
            submitted.persist();
            approved.persist();
        });
        UUID received = StoredMessages.id(application, ApplicationStatus.RECEIVED, 2);
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try (Connection decision = StoredMessages.connectionOfItsOwn()) {
            // the decision: the application's lock, and the RECEIVED it decides, not committed yet
            decision.setAutoCommit(false);
            try (PreparedStatement lock =
                    decision.prepareStatement("SELECT 1 FROM recipient WHERE application_id = ? FOR UPDATE")) {
                lock.setObject(1, application);
                lock.executeQuery().close();
            }
            try (PreparedStatement insert = decision.prepareStatement("""
                    INSERT INTO notification (id, application_id, office_code, transition, revision, episode, status,
                        attempts, next_attempt_at, created_at)
                    VALUES (?, ?, '5203', 'RECEIVED', 2, 0, 'PENDING', 0, ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setObject(1, received);
                insert.setObject(2, application);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> Notification.update("nextAttemptAt = ?1 where id = ?2", Instant.now(), approved.id));

            Future<NotificationClaims.DuePage> look = sender.submit(() -> claims.claimDue(8, false));
            // the look found APPROVED due and reads the application's messages only once it has the application's lock
            // (the service's own sender may be the one that found it: then that one waits, and this one finds nothing)
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock(application));
            decision.commit();

            NotificationClaims.DuePage page = look.get(30, TimeUnit.SECONDS);
            assertTrue(
                    page.claimed().stream()
                            .noneMatch(claimed -> claimed.notificationId().equals(approved.id)),
                    "APPROVED is not taken before the RECEIVED decided meanwhile: " + page.claimed());
        } finally {
            sender.shutdownNow();
        }
        Notification waiting = QuarkusTransaction.requiringNew().call(() -> Notification.findById(approved.id));
        assertEquals(NotificationStatus.PENDING, waiting.status);
        assertFalse(waiting.callInFlight, "APPROVED still waits for the RECEIVED decided before it");
        QuarkusTransaction.requiringNew()
                .run(() -> Notification.update(
                        "status = ?1 where applicationId = ?2", NotificationStatus.FAILED, application));
    }

    private boolean waitsForALock(UUID application) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement("""
                        SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                        WHERE NOT l.granted AND c.relname = 'recipient'
                        UNION ALL
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%recipient%' AND query NOT LIKE '%pg_locks%'""");
                ResultSet rows = waiting.executeQuery()) {
            long found = 0;
            while (rows.next()) {
                found += rows.getLong(1);
            }
            return found > 0;
        }
    }
}
