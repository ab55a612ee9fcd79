package id.ltsa.relay.notification.modem;

import java.util.regex.Pattern;

/**
 * Whether a text fits the GSM 03.38 basic alphabet. An SMS in it carries 160 characters; one character outside it
 * turns the whole message into UCS-2, 70 characters a part, which a cheap phone may show split or not at all.
 */
public final class Gsm7 {

    public static final Pattern ALPHABET = Pattern.compile(
            "[A-Za-z0-9 @£$¥èéùìòÇ\\nØø\\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,\\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*");
    public static final int SMS_LENGTH = 160;
    static final int UNICODE_SMS_LENGTH = 70;

    private Gsm7() {
    }

    public static boolean fits(String text) {
        return ALPHABET.matcher(text).matches();
    }

    /** gammu's Coding for the text. */
    static String coding(String text) {
        return fits(text) ? "Default_No_Compression" : "Unicode_No_Compression";
    }

    /** The text cut to one SMS, should it ever be longer: a split SMS arrives out of order or not at all. */
    static String oneSms(String text) {
        int room = fits(text) ? SMS_LENGTH : UNICODE_SMS_LENGTH;
        return text.length() <= room ? text : text.substring(0, room - 2) + "..";
    }
}
