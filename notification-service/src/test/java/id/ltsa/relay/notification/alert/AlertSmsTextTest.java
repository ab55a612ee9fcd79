package id.ltsa.relay.notification.alert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.notification.backlog.Backlog.OfficeBacklog;
import id.ltsa.relay.notification.modem.Gsm7;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every alert SMS is one plain GSM message, whatever the cause, however long the outage and the backlog. */
@QuarkusTest
class AlertSmsTextTest {

    static final Instant SINCE = Instant.parse("2026-11-17T01:00:00Z");
    static final Instant NOW = SINCE.plus(Duration.ofDays(13).plusHours(23).plusMinutes(59));
    static final List<OfficeBacklog> BACKLOG = List.of(new OfficeBacklog("5203", 12345, Duration.ofDays(13)));

    @Inject
    AlertText text;

    @Test
    void the_link_down_sms_fits_one_message_for_every_diagnosis_and_names_what_to_check() {
        for (LinkDiagnosis diagnosis : Arrays.asList(
                LinkDiagnosis.UPLINK_DOWN, LinkDiagnosis.CENTRAL_ERRORS, LinkDiagnosis.CENTRAL_REFUSES, null)) {
            String sms = text.linkDownSms(SINCE, NOW, diagnosis, BACKLOG);
            assertTrue(sms.length() <= Gsm7.SMS_LENGTH && Gsm7.fits(sms), sms.length() + ": " + sms);
            assertTrue(
                    sms.contains("5203") && sms.contains("12345 permohonan menunggu") && sms.contains("13 hari 23 jam"),
                    sms);
            if (diagnosis == LinkDiagnosis.UPLINK_DOWN) {
                assertTrue(sms.contains("internet kantor mati") && sms.contains("tagihannya"), sms);
            }
        }
        String restored = text.linkRestoredSms(SINCE, NOW, BACKLOG);
        assertTrue(restored.length() <= Gsm7.SMS_LENGTH && Gsm7.fits(restored), restored);
    }
}
