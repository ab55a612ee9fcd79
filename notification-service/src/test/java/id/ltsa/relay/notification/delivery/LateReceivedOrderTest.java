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
import java.sql.DriverManager;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A RECEIVED decided while the outcome of a later message is being recorded is not overtaken by the message waiting
 * behind that one. It happens after an amendment when the contacts topic is behind the status topic: SUBMITTED of
 * revision 2 is at the gateway, APPROVED of revision 2 waits for it, and the amendment's RECEIVED is being decided (its
 * transaction holds the application's lock) as SUBMITTED comes back delivered. Run on the real database, with the
 * decision's transaction held open on a connection of its own while the outcome is recorded.
 */
@QuarkusTest
class LateReceivedOrderTest {

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_message_waiting_behind_a_sent_one_does_not_overtake_a_received_decided_meanwhile() throws Exception {
        UUID application = UUID.randomUUID();
        Notification submitted = StoredMessages.message(application, ApplicationStatus.SUBMITTED, 2);
        submitted.attempts = 1;
        submitted.callInFlight = true;
        submitted.channel = DeliveryChannel.SMS;
        submitted.nextAttemptAt = Instant.now().plusSeconds(60);
        Notification approved = StoredMessages.message(application, ApplicationStatus.APPROVED, 2);
        approved.nextAttemptAt = Instant.now().plusSeconds(1);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredMessages.recipient(application, "+6281200000001").persist();
            submitted.persist();
            approved.persist();
        });
        UUID received = StoredMessages.id(application, ApplicationStatus.RECEIVED, 2);
        ExecutorService sender = Executors.newSingleThreadExecutor();
        // a connection of its own, outside the pool: the pool's connections belong to the transaction manager
        try (Connection decision = DriverManager.getConnection(
                config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"),
                config("quarkus.datasource.password"))) {
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

            Future<DeliveryOutcomes.Recorded> recording = sender.submit(
                    () -> outcomes.record(Calls.of(submitted, submitted.attempts), Channels.Result.DELIVERED));
            // the recording sees APPROVED waiting behind SUBMITTED, so it waits for the application's lock
            await().atMost(Duration.ofSeconds(30)).until(() -> recording.isDone() || waitsForALock(application));
            assertFalse(recording.isDone(), () -> "the recording waited for the decision: " + describe(recording));
            decision.commit();

            DeliveryOutcomes.Recorded recorded = recording.get(30, TimeUnit.SECONDS);
            assertTrue(
                    recorded.next() == null || recorded.next().notificationId().equals(received),
                    "the next message taken is the RECEIVED, if any: " + recorded.next());
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

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
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

    private static String describe(Future<DeliveryOutcomes.Recorded> recording) {
        try {
            return "it took " + recording.get().next();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
