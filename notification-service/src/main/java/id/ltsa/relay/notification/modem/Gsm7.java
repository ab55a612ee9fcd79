package id.ltsa.relay.notification.modem;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whether a text fits the GSM 03.38 basic alphabet. An SMS in it carries 160 characters; one character outside it
 * turns the whole message into UCS-2, 70 characters a part, which a cheap phone may show split or not at all.
 */
public final class Gsm7 {

    public static final Pattern ALPHABET =
            Pattern.compile("[A-Za-z0-9 @£$¥èéùìòÇ\\nØø\\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,\\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*");
    public static final int SMS_LENGTH = 160;

    private Gsm7() {}

    public static boolean fits(String text) {
        return ALPHABET.matcher(text).matches();
    }

    /**
     * The text in the GSM alphabet, so it keeps its 160 characters: typographic quotes and dashes become plain ones,
     * letters lose accents the alphabet lacks, anything else becomes "?". One such character in a name would otherwise
     * make the whole message UCS-2, cut at 70 characters, and cut off the tracking code the message exists for.
     */
    static String transliterate(String text) {
        if (fits(text)) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            String c = String.valueOf(text.charAt(i));
            if (fits(c)) {
                plain.append(c);
                continue;
            }
            String stripped = Normalizer.normalize(c, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            if (!stripped.isEmpty() && fits(stripped)) {
                plain.append(stripped);
            } else {
                plain.append(
                        switch (c) {
                            case "\u2018", "\u2019", "\u201B", "\u02BC", "`" -> "'";
                            case "\u201C", "\u201D" -> "\"";
                            case "\u2013", "\u2014" -> "-";
                            case "\u2026" -> "...";
                            default -> "?";
                        });
            }
        }
        return plain.toString();
    }

    /** The text in one GSM-7 SMS, cut should it ever be longer: a split SMS arrives out of order or not at all. */
    static String oneSms(String text) {
        String plain = transliterate(text);
        return plain.length() <= SMS_LENGTH ? plain : plain.substring(0, SMS_LENGTH - 2) + "..";
    }
}
