package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.emailsTo;
import static id.ltsa.relay.notification.NotificationEvents.modemMessages;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.publishLink;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static id.ltsa.relay.notification.NotificationEvents.publishStatus;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.notification.modem.Gsm7;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * The outage alert: nothing for a blip, one email per contact once the link has been down past the threshold (3 s in
 * tests, 30 min by default), one more on recovery, and nothing again when the link events are redelivered.
 */
@QuarkusTest
class LinkAlertTest {

    static final String OPS = "ops@ltsa-relay.local";
    static final String OFFICE_HEAD = "kepala-5203@ltsa-relay.local";
    /** ltsa.alerts.sms-contacts in tests. */
    static final List<String> SMS_CONTACTS = List.of("+6281100000001", "+6281100000002");

    @Test
    void a_long_outage_alerts_once_with_the_backlog_and_once_on_recovery() throws Exception {
        // a blip shorter than the threshold bothers nobody
        Instant blip = Instant.now();
        publishLink(LinkState.DOWN, blip, UUID.randomUUID().toString());
        publishLink(LinkState.UP, blip.plusSeconds(1), UUID.randomUUID().toString());

        int opsBefore = emailCount(OPS);
        int headBefore = emailCount(OFFICE_HEAD);
        UUID waiting = UUID.randomUUID();
        publishReceived(waiting, newPhone(), null, NotificationChannel.SMS, "id");
        publishStatus(
                waiting,
                ApplicationStatus.DELAYED,
                1,
                1,
                null,
                UUID.randomUUID().toString());
        Instant down = blip.plusSeconds(2);
        String downEvent = UUID.randomUUID().toString();
        int smsBefore = smsCount(SMS_CONTACTS.get(0));
        publishLink(LinkState.DOWN, down, LinkDiagnosis.UPLINK_DOWN, downEvent);

        within30s().untilAsserted(() -> emailsTo(OPS)
                .body("items", hasSize(opsBefore + 1))
                .body("items[" + opsBefore + "].subject", startsWith("[LTSA Relay] Jaringan ke pusat terputus"))
                .body(
                        "items[" + opsBefore + "].text",
                        allOf(
                                containsString("Kantor tetap bisa menerima permohonan"),
                                containsString("- Kantor 5203: "),
                                containsString("Last error: connection reset"),
                                containsString("check the office's internet connection and its bill first"),
                                containsString("- Office 5203: "))));
        within30s().untilAsserted(() -> emailsTo(OFFICE_HEAD).body("items", hasSize(headBefore + 1)));
        // and by SMS through the office modem, which needs no internet: one each, in Bahasa Indonesia, one SMS long
        for (String contact : SMS_CONTACTS) {
            within30s().untilAsserted(() -> modemMessages(contact, "out")
                    .body("items", hasSize(smsBefore + 1))
                    .body("items[0].status", startsWith("SendingOK"))
                    .body(
                            "items[0].text",
                            allOf(
                                    startsWith("LTSA 5203: internet kantor mati sejak"),
                                    containsString("permohonan menunggu, terlama"),
                                    containsString("Cek sambungan internet kantor & tagihannya."))));
            String text = modemMessages(contact, "out").extract().path("items[0].text");
            assertTrue(text.length() <= 160 && Gsm7.fits(text), text.length() + ": " + text);
        }

        publishLink(LinkState.DOWN, down, downEvent); // redelivered
        publishLink(LinkState.DOWN, down, UUID.randomUUID().toString()); // re-published
        Instant up = Instant.now();
        publishLink(LinkState.UP, up, UUID.randomUUID().toString());

        within30s().untilAsserted(() -> emailsTo(OPS)
                .body("items", hasSize(opsBefore + 2))
                .body("items[" + (opsBefore + 1) + "].subject", startsWith("[LTSA Relay] Jaringan ke pusat pulih"))
                .body("items[" + (opsBefore + 1) + "].text", containsString("Nothing needs to be sent again")));
        within30s().untilAsserted(() -> emailsTo(OFFICE_HEAD).body("items", hasSize(headBefore + 2)));
        for (String contact : SMS_CONTACTS) {
            within30s().untilAsserted(() -> modemMessages(contact, "out")
                    .body("items", hasSize(smsBefore + 2))
                    .body("items[0].text", startsWith("LTSA 5203: jaringan ke pusat pulih setelah putus")));
        }

        publishLink(LinkState.UP, up, UUID.randomUUID().toString()); // re-published recovery
        publishLink(LinkState.DOWN, down, UUID.randomUUID().toString()); // a stale change, delivered late
        // a marker outage after the repeats proves they were all consumed, and decided nothing
        Instant marker = Instant.now().plusSeconds(1);
        publishLink(LinkState.DOWN, marker, UUID.randomUUID().toString());
        within30s().untilAsserted(() -> emailsTo(OPS)
                .body("items", hasSize(opsBefore + 3))
                .body("items[" + (opsBefore + 2) + "].subject", startsWith("[LTSA Relay] Jaringan ke pusat terputus")));
        within30s()
                .untilAsserted(() -> modemMessages(SMS_CONTACTS.get(1), "out").body("items", hasSize(smsBefore + 3)));
        publishLink(
                LinkState.UP, Instant.now().plusSeconds(2), UUID.randomUUID().toString()); // leave the link up
    }

    private static int smsCount(String number) {
        return modemMessages(number, "out").extract().path("items.size()");
    }

    private static int emailCount(String address) {
        return emailsTo(address).extract().path("items.size()");
    }

    private static ConditionFactory within30s() {
        return await().atMost(Duration.ofSeconds(30));
    }
}
