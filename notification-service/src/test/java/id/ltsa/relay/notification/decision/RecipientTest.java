package id.ltsa.relay.notification.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicantContact;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The application's row, upserted by each of its events on the real database: a status may come before the contact
 * details, and each kind of event changes only its own part of the row.
 */
@QuarkusTest
class RecipientTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final String OFFICE = "5203";

    @Test
    void a_status_before_the_contact_details_makes_the_row_and_the_details_fill_it_in() {
        UUID id = UUID.randomUUID();
        Recipient early =
                heard(() -> Recipient.heard(id, OFFICE, ApplicationStatus.SUBMITTED, 1, T0.plusSeconds(5), T0));
        assertFalse(early.contactKnown());
        assertEquals(ApplicationStatus.SUBMITTED, early.status);

        ApplicantContact contact = new ApplicantContact("Siti Aminah", "+6281234567890", null, null, null);
        Recipient later = heard(() -> Recipient.heard(id, OFFICE, "LT-ABCDEFGH", contact, 1, T0, T0));
        assertTrue(later.contactKnown());
        assertEquals("+6281234567890", later.phone);
        assertEquals(NotificationChannel.WHATSAPP, later.channel, "the default channel");
        assertEquals("id", later.language, "the default language");
        assertEquals(ApplicationStatus.SUBMITTED, later.status, "RECEIVED of the same revision does not move it back");
        assertEquals(T0, later.receivedAt, "but waiting is counted from it");

        // a later status leaves the contact details as they are
        Recipient approved =
                heard(() -> Recipient.heard(id, OFFICE, ApplicationStatus.APPROVED, 1, T0.plusSeconds(9), T0));
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
        Recipient row = heard(() -> Recipient.heard(id, OFFICE, "LT-ABCDEFGH", amended, 2, T0.plusSeconds(60), T0));
        assertEquals("+6281299999999", row.phone);
        assertNull(row.email, "an email left out of the amendment is gone");
        assertEquals(NotificationChannel.SMS, row.channel);
        assertEquals(ApplicationStatus.RECEIVED, row.status);
        assertEquals(2, row.revision);
        assertEquals(T0.plusSeconds(60), row.receivedAt);
    }

    private static Recipient heard(java.util.concurrent.Callable<Recipient> upsert) {
        return QuarkusTransaction.requiringNew().call(upsert);
    }
}
