package id.ltsa.relay.notification.decision;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicantContact;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The application's row, upserted by each of its events on the real database: a status may come before the contact
 * details, each kind of event changes only its own part of the row, and the messages read with it are the ones
 * decided before it was locked.
 */
@QuarkusTest
class RecipientTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final String OFFICE = "5203";

    @Test
    void a_status_before_the_contact_details_makes_the_row_and_the_details_fill_it_in() {
        UUID id = UUID.randomUUID();
        Recipient early = heard(
                        () -> Recipient.heard(id, OFFICE, ApplicationStatus.SUBMITTED, 1, T0.plusSeconds(5), T0))
                .recipient();
        assertFalse(early.contactKnown());
        assertEquals(ApplicationStatus.SUBMITTED, early.status);

        ApplicantContact contact = new ApplicantContact("Siti Aminah", "+6281234567890", null, null, null);
        Recipient later = heard(() -> Recipient.heard(id, OFFICE, "LT-ABCDEFGH", contact, 1, T0, T0))
                .recipient();
        assertTrue(later.contactKnown());
        assertEquals("+6281234567890", later.phone);
        assertEquals(NotificationChannel.WHATSAPP, later.channel, "the default channel");
        assertEquals("id", later.language, "the default language");
        assertEquals(ApplicationStatus.SUBMITTED, later.status, "RECEIVED of the same revision does not move it back");
        assertEquals(T0, later.receivedAt, "but waiting is counted from it");

        // a later status leaves the contact details as they are
        Recipient approved = heard(
                        () -> Recipient.heard(id, OFFICE, ApplicationStatus.APPROVED, 1, T0.plusSeconds(9), T0))
                .recipient();
        assertEquals("Siti Aminah", approved.fullName);
        assertEquals("LT-ABCDEFGH", approved.trackingCode);
        Recipient stored = QuarkusTransaction.requiringNew().call(() -> Recipient.<Recipient>findById(id));
        assertEquals(ApplicationStatus.APPROVED, stored.status);
        assertEquals("+6281234567890", stored.phone);
        assertNull(stored.email);
    }

    @Test
    void an_amendment_s_contact_details_replace_the_first_ones_and_start_it_again_at_received() {
        UUID id = UUID.randomUUID();
        ApplicantContact first = new ApplicantContact("Siti Aminah", "+6281234567890", "siti@example.org", null, "id");
        heard(() -> Recipient.heard(id, OFFICE, "LT-ABCDEFGH", first, 1, T0, T0));
        heard(() -> Recipient.heard(id, OFFICE, ApplicationStatus.SUBMITTED, 1, T0.plusSeconds(5), T0));

        ApplicantContact amended =
                new ApplicantContact("Siti Aminah", "+6281299999999", null, NotificationChannel.SMS, "en");
        Recipient row = heard(() -> Recipient.heard(id, OFFICE, "LT-ABCDEFGH", amended, 2, T0.plusSeconds(60), T0))
                .recipient();
        assertEquals("+6281299999999", row.phone);
        assertNull(row.email, "an email left out of the amendment is gone");
        assertEquals(NotificationChannel.SMS, row.channel);
        assertEquals(ApplicationStatus.RECEIVED, row.status);
        assertEquals(2, row.revision);
        assertEquals(T0.plusSeconds(60), row.receivedAt);
    }

    /**
     * The upsert reads the application's messages from its snapshot, taken before it waited for the row: a decision
     * that held the row meanwhile (on a connection of its own here, the way the other consumer's transaction would)
     * committed a message the snapshot does not have, and the row's version tells, so they are read again.
     */
    @Test
    void a_message_decided_while_the_upsert_waited_for_the_row_is_among_the_messages_it_returns() throws Exception {
        UUID id = UUID.randomUUID();
        heard(() -> Recipient.heard(id, OFFICE, ApplicationStatus.QUEUED, 1, T0, T0));
        UUID received = UUID.randomUUID();
        ExecutorService statuses = Executors.newSingleThreadExecutor();
        try (Connection contacts = StoredMessages.connectionOfItsOwn()) {
            contacts.setAutoCommit(false);
            try (PreparedStatement upsert =
                    contacts.prepareStatement("UPDATE recipient SET version = version + 1 WHERE application_id = ?")) {
                upsert.setObject(1, id);
                upsert.executeUpdate();
            }
            try (PreparedStatement insert = contacts.prepareStatement("""
                    INSERT INTO notification (id, application_id, office_code, transition, revision, episode, status,
                        attempts, next_attempt_at, created_at)
                    VALUES (?, ?, '5203', 'RECEIVED', 1, 0, 'PENDING', 0, now() + interval '1 hour', now())""")) {
                insert.setObject(1, received);
                insert.setObject(2, id);
                insert.executeUpdate();
            }
            Future<Recipient.Heard> submitted = statuses.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> Recipient.heard(id, OFFICE, ApplicationStatus.SUBMITTED, 1, T0, T0)));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForTheRow(contacts));
            contacts.commit();

            Recipient.Heard heard = submitted.get(30, TimeUnit.SECONDS);
            assertEquals(
                    List.of(received),
                    heard.messages().stream().map(message -> message.id).toList(),
                    "the RECEIVED decided while the upsert waited");
            assertEquals(ApplicationStatus.RECEIVED, heard.messages().get(0).transition);
            assertEquals(NotificationStatus.PENDING, heard.messages().get(0).status);
        } finally {
            statuses.shutdownNow();
            QuarkusTransaction.requiringNew()
                    .run(() -> Notification.update("status = ?1 where id = ?2", NotificationStatus.FAILED, received));
        }
    }

    @Test
    void the_messages_come_with_the_row_when_nothing_was_decided_meanwhile() {
        UUID id = UUID.randomUUID();
        ApplicantContact contact = new ApplicantContact("Siti Aminah", "+6281234567890", null, null, null);
        assertTrue(heard(() -> Recipient.heard(id, OFFICE, "LT-ABCDEFGH", contact, 1, T0, T0))
                .messages()
                .isEmpty());
        Notification sent = StoredMessages.message(id, ApplicationStatus.RECEIVED, 1);
        sent.status = NotificationStatus.SENT;
        QuarkusTransaction.requiringNew().run(() -> sent.persist());

        Recipient.Heard heard = heard(() -> Recipient.heard(id, OFFICE, ApplicationStatus.SUBMITTED, 1, T0, T0));
        assertEquals(1, heard.messages().size());
        Notification read = heard.messages().get(0);
        assertEquals(sent.id, read.id);
        assertEquals(ApplicationStatus.RECEIVED, read.transition);
        assertEquals(1, read.revision);
        assertEquals(0, read.episode);
        assertEquals(NotificationStatus.SENT, read.status);
    }

    private static Recipient.Heard heard(Callable<Recipient.Heard> upsert) {
        return QuarkusTransaction.requiringNew().call(upsert);
    }

    /** Whether another session waits for a lock that {@code holder}'s session has. */
    private static boolean waitsForTheRow(Connection holder) throws Exception {
        try (PreparedStatement waiting = holder.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")) {
            try (ResultSet row = waiting.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }
}
