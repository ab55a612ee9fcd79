package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.modemMessages;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.newTrackingCode;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static id.ltsa.relay.notification.NotificationEvents.publishStatus;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An applicant asks by SMS, through the office modem: "CEK LT-ABCD2345" (any case, with or without LT-) gets the status
 * label in the applicant's language and the initials, nothing more; an unknown code a polite answer; anything else,
 * and any sender that is not a phone number, no answer at all; and at most 5 answers per number per hour.
 */
@QuarkusTest
class SmsStatusQueryTest {

    @Test
    void a_cek_gets_the_status_label_in_the_applicants_language_and_only_the_initials() throws Exception {
        UUID id = UUID.randomUUID();
        String code = newTrackingCode();
        String applicantPhone = newPhone();
        publishReceived(id, code, "Siti Aminah Rahayu", applicantPhone, null, NotificationChannel.WHATSAPP, "en");
        publishStatus(
                id, ApplicationStatus.DELAYED, 1, 1, null, UUID.randomUUID().toString());
        awaitStatusKnown(id, "DELAYED");

        String asker = newPhone();
        sms(asker, "cek " + code.substring(3).toLowerCase());

        answered(asker, 1)
                .body(
                        "items[0].text",
                        allOf(
                                containsString(code),
                                containsString("(S. A. R.)"),
                                containsString("Saved safely, will be sent automatically when the link is back"),
                                not(containsString("Siti")),
                                not(containsString(applicantPhone))));
        modemMessages(asker, "in")
                .body("items[0].text", equalTo("cek " + code.substring(3).toLowerCase()))
                .body("items[0].status", equalTo("ANSWERED"));
    }

    @Test
    void status_with_the_lt_prefix_in_bahasa_indonesia_and_an_unknown_code_gets_a_polite_answer() throws Exception {
        UUID id = UUID.randomUUID();
        String code = newTrackingCode();
        publishReceived(id, code, SampleApplicant.FULL_NAME, newPhone(), null, NotificationChannel.SMS, "id");
        awaitStatusKnown(id, "RECEIVED");

        String asker = newPhone();
        sms(asker, "STATUS " + code);
        answered(asker, 1)
                .body("items[0].text", allOf(containsString("(D. H.)"), containsString("Diterima di kantor LTSA")));

        String other = newPhone();
        sms(other, "Cek LT-ZZZZ2222");
        answered(other, 1).body("items[0].text", containsString("LT-ZZZZ2222 tidak ditemukan"));
    }

    @Test
    void anything_but_a_query_and_any_sender_but_a_phone_number_is_never_answered() throws Exception {
        String chatty = newPhone();
        sms(chatty, "Halo, apa kabar?");
        String operator = "TELKOMSEL";
        sms(operator, "CEK pulsa Anda: Rp 0");
        // the handling is visible in what the modem received; then, nothing went back to either
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> modemMessages(chatty, "in").body("items[0].status", equalTo("NOT_A_QUERY")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> modemMessages(operator, "in")
                .body("items[0].status", equalTo("UNANSWERABLE_SENDER")));
        modemMessages(chatty, "out").body("items", hasSize(0));
        modemMessages(operator, "out").body("items", hasSize(0));
    }

    @Test
    void at_most_five_answers_go_to_one_number_in_an_hour() throws Exception {
        String asker = newPhone();
        for (int i = 0; i < 7; i++) {
            sms(asker, "CEK LT-ZZZZ333" + i);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> modemMessages(asker, "in")
                .body("items", hasSize(7))
                .body("items.status", not(org.hamcrest.Matchers.hasItem("RECEIVED"))));
        List<String> outcomes = modemMessages(asker, "in").extract().path("items.status");
        assertEquals(5, outcomes.stream().filter("UNKNOWN_CODE"::equals).count(), outcomes.toString());
        assertEquals(2, outcomes.stream().filter("RATE_LIMITED"::equals).count(), outcomes.toString());
        answered(asker, 5);
    }

    private static void sms(String from, String text) {
        RealInfrastructure.modem().phone().receive(from, text);
    }

    /** The answers the modem has sent to a number, once there are {@code count} of them. */
    private static io.restassured.response.ValidatableResponse answered(String number, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> modemMessages(number, "out")
                .body("items", hasSize(count))
                .body("items.status", not(org.hamcrest.Matchers.hasItem("QUEUED"))));
        return modemMessages(number, "out");
    }

    /** The status event was consumed, so the code and its status are known here. */
    private static void awaitStatusKnown(UUID id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> NotificationEvents.notificationLog(id)
                .body("items.transition", org.hamcrest.Matchers.hasItem(status)));
    }
}
