package id.ltsa.relay.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationStatus;
import id.ltsa.relay.notification.decision.StoredMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Recording that a call delivered its message, on the real database: in one statement, which says whether another
 * message of the application waits (the sender then looks for due messages at once, and that look takes it), and not
 * at all when the call outlived its claim and another attempt took the message.
 */
@QuarkusTest
class DeliveryOutcomesTest {

    @Inject
    DeliveryOutcomes outcomes;

    @Test
    void a_delivered_message_with_nothing_behind_it_is_recorded_sent() {
        UUID application = UUID.randomUUID();
        Notification received = StoredMessages.claimed(application, ApplicationStatus.RECEIVED, 1);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredMessages.recipient(application, "+6281200000001").persist();
            received.persist();
        });

        DeliveryOutcomes.Recorded recorded = outcomes.record(Calls.of(received, 1), Channels.Result.DELIVERED);

        assertEquals(DeliveryOutcomes.Recorded.DONE, recorded, "nothing else of the application waits");
        Notification stored = reload(received.id);
        assertEquals(NotificationStatus.SENT, stored.status);
        assertFalse(stored.callInFlight);
        assertNotNull(stored.sentAt);
        assertNull(stored.lastError);
        assertEquals(1, stored.attempts);
    }

    @Test
    void a_delivered_message_with_another_waiting_behind_it_is_recorded_sent_and_asks_for_a_look() {
        UUID application = UUID.randomUUID();
        Notification received = StoredMessages.claimed(application, ApplicationStatus.RECEIVED, 1);
        Notification submitted = StoredMessages.message(application, ApplicationStatus.SUBMITTED, 1);
        // not due yet: the service's own sender leaves it alone while this test looks at it
        submitted.nextAttemptAt = Instant.now().plusSeconds(3600);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredMessages.recipient(application, "+6281200000001").persist();
            received.persist();
            submitted.persist();
        });

        DeliveryOutcomes.Recorded recorded = outcomes.record(Calls.of(received, 1), Channels.Result.DELIVERED);

        assertEquals(DeliveryOutcomes.Recorded.OTHERS_WAIT, recorded, "SUBMITTED waits: the sender looks at once");
        assertEquals(NotificationStatus.SENT, reload(received.id).status);
        Notification next = reload(submitted.id);
        assertEquals(NotificationStatus.PENDING, next.status);
        assertFalse(next.callInFlight, "left to the look, which takes it after the application's lock");
        assertEquals(0, next.attempts);
        putAside(application);
    }

    @Test
    void the_outcome_of_a_call_that_outlived_its_claim_is_ignored() {
        UUID application = UUID.randomUUID();
        // the first attempt's claim ran out and a second attempt took the message
        Notification received = StoredMessages.claimed(application, ApplicationStatus.RECEIVED, 2);
        QuarkusTransaction.requiringNew().run(() -> {
            StoredMessages.recipient(application, "+6281200000001").persist();
            received.persist();
        });

        outcomes.record(Calls.of(received, 1), Channels.Result.DELIVERED);

        Notification stored = reload(received.id);
        assertEquals(NotificationStatus.PENDING, stored.status, "the second attempt's outcome decides");
        assertTrue(stored.callInFlight);
        assertNull(stored.sentAt);
        putAside(application);
    }

    /** Claimed here and never sent: out of the sender's way once its claim runs out. */
    private static void putAside(UUID application) {
        QuarkusTransaction.requiringNew()
                .run(() -> Notification.update(
                        "status = ?1 where applicationId = ?2", NotificationStatus.FAILED, application));
    }

    private static Notification reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.findById(id));
    }
}
