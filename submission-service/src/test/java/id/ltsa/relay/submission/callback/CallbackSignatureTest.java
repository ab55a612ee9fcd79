package id.ltsa.relay.submission.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.submission.callback.CallbackSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The rules of a callback's credentials, on a fixed clock: what a replay, a forgery and an old capture get. */
class CallbackSignatureTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    static final byte[] BODY = "{\"centralReference\":\"C-1\",\"status\":\"ISSUED\"}".getBytes(StandardCharsets.UTF_8);
    final CallbackSignature signature =
            new CallbackSignature("secret", Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_fresh_callback_signed_over_its_id_time_and_body_is_valid_up_to_the_tolerance_either_way() {
        for (long offset : new long[] {0, -300, 300}) {
            String at = Long.toString(NOW.getEpochSecond() + offset);
            assertEquals(Verdict.VALID, signature.check("cb-1", at, sign("secret", "cb-1." + at + "."), BODY));
        }
    }

    @Test
    void a_callback_older_or_newer_than_the_tolerance_is_stale_even_rightly_signed() {
        for (long offset : new long[] {-301, 301, -86_400}) {
            String at = Long.toString(NOW.getEpochSecond() + offset);
            assertEquals(Verdict.STALE, signature.check("cb-1", at, sign("secret", "cb-1." + at + "."), BODY));
        }
    }

    @Test
    void another_id_time_body_or_secret_than_was_signed_is_wrong() {
        String at = Long.toString(NOW.getEpochSecond());
        String good = sign("secret", "cb-1." + at + ".");
        assertEquals(Verdict.WRONG, signature.check("cb-2", at, good, BODY));
        assertEquals(Verdict.WRONG, signature.check("cb-1", Long.toString(NOW.getEpochSecond() - 1), good, BODY));
        assertEquals(Verdict.WRONG, signature.check("cb-1", at, good, "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Verdict.WRONG, signature.check("cb-1", at, sign("other", "cb-1." + at + "."), BODY));
        assertEquals(Verdict.WRONG, signature.check("cb-1", at, sign("secret", ""), BODY)); // the body alone
        assertEquals(Verdict.WRONG, signature.check("cb-1", "yesterday", good, BODY));
        assertEquals(Verdict.WRONG, signature.check("cb-1", at, "sha256=zz", BODY));
    }

    @Test
    void a_callback_without_its_id_time_or_signature_is_missing_them() {
        String at = Long.toString(NOW.getEpochSecond());
        String good = sign("secret", "cb-1." + at + ".");
        assertEquals(Verdict.MISSING, signature.check(null, at, good, BODY));
        assertEquals(Verdict.MISSING, signature.check(" ", at, good, BODY));
        assertEquals(Verdict.MISSING, signature.check("x".repeat(256), at, good, BODY));
        assertEquals(Verdict.MISSING, signature.check("cb-1", null, good, BODY));
        assertEquals(Verdict.MISSING, signature.check("cb-1", at, null, BODY));
        assertEquals(Verdict.MISSING, signature.check("cb-1", at, good.substring("sha256=".length()), BODY));
    }

    private static String sign(String secret, String prefix) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(BODY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
