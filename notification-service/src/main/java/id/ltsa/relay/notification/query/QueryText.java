package id.ltsa.relay.notification.query;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SMS sent to the office modem: "CEK LT-ABCD2345", "status abcd2345", "Cek: LT ABCD2345" all ask for the
 * status of LT-ABCD2345. Anything that does not start with CEK or STATUS is not a question, and is not answered: an
 * operator's notice or another machine's auto-reply must never start a conversation between two machines.
 */
final class QueryText {

    enum Kind {
        /** CEK or STATUS with something that may be a code. */
        QUERY,
        /** CEK or STATUS and nothing after it. */
        QUERY_WITHOUT_CODE,
        NOT_A_QUERY
    }

    /** What the message asks; {@code trackingCode} is "LT-" and the 8 characters given, or what was typed instead. */
    record Parsed(Kind kind, String trackingCode) {}

    private static final Pattern QUESTION =
            Pattern.compile("^\\s*(?:CEK|STATUS)(?![A-Z0-9])[\\s:.,#=-]*(.*)$", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("^(?:LT[\\s-]*)?([A-Z0-9]{8})(?![A-Z0-9]).*", Pattern.DOTALL);
    /** A phone number that can be answered; alphanumeric senders ("TELKOMSEL") and short codes cannot, or must not. */
    private static final Pattern ANSWERABLE_SENDER = Pattern.compile("^\\+?[0-9]{6,15}$");

    private QueryText() {}

    static Parsed parse(String text) {
        Matcher question = QUESTION.matcher(text == null ? "" : text.toUpperCase(Locale.ROOT));
        if (!question.matches()) {
            return new Parsed(Kind.NOT_A_QUERY, null);
        }
        String rest = question.group(1).trim();
        if (rest.isEmpty()) {
            return new Parsed(Kind.QUERY_WITHOUT_CODE, null);
        }
        Matcher code = CODE.matcher(rest);
        if (code.matches()) {
            return new Parsed(Kind.QUERY, "LT-" + code.group(1));
        }
        // not a code's shape: asked about, answered as unknown, quoted back short
        String typed = rest.split("\\s+")[0];
        return new Parsed(Kind.QUERY, typed.length() > 14 ? typed.substring(0, 14) : typed);
    }

    static boolean answerable(String sender) {
        return sender != null && ANSWERABLE_SENDER.matcher(sender.trim()).matches();
    }
}
