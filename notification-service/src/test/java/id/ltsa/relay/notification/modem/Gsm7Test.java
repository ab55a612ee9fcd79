package id.ltsa.relay.notification.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A modem SMS keeps its 160 GSM characters, and so its tracking code, whatever the applicant's name holds. */
class Gsm7Test {

    @Test
    void typographic_and_accented_characters_become_plain_ones() {
        assertEquals(
                "Halo Ma'ruf \"Ade\" - Chloe",
                Gsm7.transliterate("Halo Ma\u2019ruf \u201CAde\u201D \u2013 Chlo\u00EB"));
        assertEquals("Halo Jose", Gsm7.transliterate("Halo Jos\u0113"));
        assertEquals("Halo ??", Gsm7.transliterate("Halo \u4F60\u597D"));
    }

    @Test
    void one_sms_is_always_plain_gsm_and_at_most_160_characters() {
        String text = "Halo Ma\u2019ruf, permohonan paspor Anda diterima kantor LTSA. Kode lacak: LT-ABCD2345. "
                + "Tanyakan status ke kantor LTSA dengan kode ini. " + "x".repeat(100);
        String sms = Gsm7.oneSms(text);
        assertTrue(Gsm7.fits(sms) && sms.length() <= 160, sms.length() + ": " + sms);
        assertTrue(sms.contains("LT-ABCD2345"), sms);
    }
}
