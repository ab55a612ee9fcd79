package id.ltsa.relay.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.notification.delivery.MessageRenderer;
import id.ltsa.relay.notification.modem.Gsm7;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every transition renders in both languages, with its data, and fits one SMS when the channel is SMS. */
@QuarkusTest
class MessageTemplatesTest {

    static final String LONG_NAME = "Muhammadiyahrahmansyah Putra";
    static final String LONG_REASON = "Foto paspor tidak sesuai ketentuan: latar belakang harus putih polos, wajah "
            + "menghadap ke depan, dan ukuran 4x6; mohon ambil foto ulang di kantor imigrasi";

    @Inject
    MessageRenderer renderer;

    @ParameterizedTest
    @CsvSource({
        "RECEIVED,id,Kode lacak: LT-ABCDEFGH. Cek status di ltsa.example.go.id/lacak",
        "RECEIVED,en,Tracking code: LT-ABCDEFGH. Check it at ltsa.example.go.id/lacak",
        "DELAYED,id,Tidak perlu datang lagi",
        "DELAYED,en,No need to travel or apply again",
        "SUBMITTED,id,sudah dikirim ke pusat",
        "SUBMITTED,en,has been sent to the centre",
        "RETURNED,id,perlu diperbaiki: Foto",
        "RETURNED,en,needs a correction: Foto",
        "APPROVED,id,sudah disetujui",
        "APPROVED,en,is approved",
        "ISSUED,id,Ambil di kantor imigrasi",
        "ISSUED,en,Collect it at the immigration office",
        "REJECTED,id,ditolak: Foto",
        "REJECTED,en,was rejected: Foto",
        "WITHDRAWN,id,sudah dibatalkan",
        "WITHDRAWN,en,has been withdrawn"
    })
    void every_transition_renders_in_both_languages_and_fits_one_sms(
            ApplicationStatus transition, String language, String expected) {
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            MessageRenderer.Rendered message = renderer.render(
                    new MessageRenderer.Request(transition, language, channel, LONG_NAME, "LT-ABCDEFGH", LONG_REASON));

            assertEquals("messages/" + transition + "." + language, message.template());
            assertTrue(message.text().contains(expected), message.text());
            assertTrue(message.text().contains("LT-ABCDEFGH"), "the tracking code is in every message");
            assertTrue(
                    message.text().startsWith("id".equals(language) ? "Halo Muhammadiyahrah," : "Hello "),
                    message.text());
            assertFalse(message.text().contains("{"), "nothing left unfilled: " + message.text());
            assertTrue(Gsm7.fits(message.text()), "plain GSM characters only: " + message.text());
            if (channel.isSms()) {
                assertTrue(message.text().length() <= 160, message.text().length() + ": " + message.text());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"RETURNED,id", "REJECTED,en"})
    void the_whole_reason_goes_by_whatsapp_and_email_and_a_shortened_one_by_sms(
            ApplicationStatus transition, String language) {
        String full = renderer.render(new MessageRenderer.Request(
                        transition, language, DeliveryChannel.WHATSAPP, "Siti", "LT-ABCDEFGH", LONG_REASON))
                .text();
        String sms = renderer.render(new MessageRenderer.Request(
                        transition, language, DeliveryChannel.SMS, "Siti", "LT-ABCDEFGH", LONG_REASON))
                .text();

        assertTrue(full.contains(LONG_REASON), full);
        assertTrue(sms.contains("Foto paspor tidak sesuai") && sms.contains("...") && !sms.contains("...."), sms);
        assertTrue(sms.length() <= 160, sms);
    }

    @ParameterizedTest
    @CsvSource({"id,Permohonan paspor LT-ABCDEFGH", "en,Passport application LT-ABCDEFGH"})
    void an_email_subject_names_the_application_in_the_applicants_language(String language, String subject) {
        assertEquals(
                subject,
                renderer.render(new MessageRenderer.Request(
                                ApplicationStatus.SUBMITTED,
                                language,
                                DeliveryChannel.EMAIL,
                                "Siti",
                                "LT-ABCDEFGH",
                                null))
                        .subject());
    }
}
