package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.kafka;
import static id.ltsa.relay.notification.NotificationEvents.messagesTo;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.ltsa.relay.contracts.ApplicantContactRecorded;
import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ErasureReason;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.notification.decision.Recipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** intake erased an applicant's personal data: the contact details kept here go too, and stay gone. */
@QuarkusTest
class ErasureTest {

    @Test
    void the_recipient_s_name_phone_and_email_are_erased_and_a_replayed_contact_does_not_bring_them_back()
            throws Exception {
        UUID id = UUID.randomUUID();
        String phone = newPhone();
        publishReceived(id, phone, "darwan@example.org", NotificationChannel.SMS, "id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> messagesTo(phone).body("items", hasSize(1)));

        kafka().publishOn(
                        Topics.APPLICANT_CONTACTS,
                        id.toString(),
                        UUID.randomUUID().toString(),
                        new ApplicationErased(
                                id,
                                NotificationEvents.TRACKING_CODE,
                                NotificationEvents.OFFICE,
                                1,
                                ErasureReason.RETENTION,
                                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertNotNull(recipient(id).erasedAt));
        Recipient erased = recipient(id);
        assertNull(erased.fullName);
        assertNull(erased.phone);
        assertNull(erased.email);

        // the same contact published again under a new id (a reconciliation): the details stay erased
        String replay = UUID.randomUUID().toString();
        ApplicantContactRecorded again = new ApplicantContactRecorded(
                id,
                NotificationEvents.TRACKING_CODE,
                NotificationEvents.OFFICE,
                1,
                SampleApplicant.contact(phone, SampleApplicant.EMAIL, NotificationChannel.SMS, "id"),
                Instant.now());
        kafka().publish(id.toString(), replay, again);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(replay));
        assertNull(recipient(id).phone);
        assertNull(recipient(id).fullName);
        assertEquals(1, messagesTo(phone).extract().jsonPath().getList("items").size(), "nothing sent again");
    }

    private static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Recipient.getEntityManager()
                                        .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                                        .setParameter(1, eventId)
                                        .getSingleResult())
                                .longValue()
                        == 1);
    }

    private static Recipient recipient(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Recipient.<Recipient>findById(id));
    }
}
