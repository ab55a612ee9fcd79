package id.ltsa.relay.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationStatus;
import id.ltsa.relay.notification.decision.StoredMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A claim no call was made under (the service stopping, or a message that waited too long behind other calls) is let
 * go on the real database: the message is due again, its attempt not counted and the modem still open to it; a claim
 * that ran out and was taken again meanwhile is left alone. The messages have no recipient, so the running sender
 * cannot take them again while the test looks.
 */
@QuarkusTest
class ClaimReleaseTest {

    @Inject
    NotificationClaims claims;

    @Test
    void a_claim_no_call_was_made_under_is_let_go_and_one_taken_again_is_left_alone() {
        Notification unsent = StoredMessages.claimed(UUID.randomUUID(), ApplicationStatus.RECEIVED, 1);
        Notification maybeAtTheGateway = StoredMessages.claimed(UUID.randomUUID(), ApplicationStatus.RECEIVED, 2);
        maybeAtTheGateway.gatewayMaybeDelivered = true;
        Notification takenAgain = StoredMessages.claimed(UUID.randomUUID(), ApplicationStatus.RECEIVED, 2);
        QuarkusTransaction.requiringNew().run(() -> {
            unsent.persist();
            maybeAtTheGateway.persist();
            takenAgain.persist();
        });
        Instant before = Instant.now();

        claims.release(List.of(Calls.of(unsent, 1), Calls.of(maybeAtTheGateway, 2), Calls.of(takenAgain, 1)));

        Notification released = reload(unsent.id);
        assertFalse(released.callInFlight);
        assertEquals(0, released.attempts, "no call was made: no attempt counted");
        assertEquals(NotificationStatus.PENDING, released.status);
        assertFalse(released.mayHaveLeftByInternet(), "still free to go by the modem");
        assertFalse(
                released.nextAttemptAt.isAfter(before.plusSeconds(10)),
                "due again, not when the claim would have run out");

        Notification earlierCall = reload(maybeAtTheGateway.id);
        assertFalse(earlierCall.callInFlight);
        assertEquals(1, earlierCall.attempts);
        assertTrue(earlierCall.gatewayMaybeDelivered, "an earlier call may have arrived: that stays");

        Notification other = reload(takenAgain.id);
        assertTrue(other.callInFlight, "another attempt's claim");
        assertEquals(2, other.attempts);

        QuarkusTransaction.requiringNew()
                .run(() -> Notification.update(
                        "status = ?1 where id in ?2",
                        NotificationStatus.FAILED,
                        List.of(unsent.id, maybeAtTheGateway.id, takenAgain.id)));
    }

    private static Notification reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.findById(id));
    }
}
