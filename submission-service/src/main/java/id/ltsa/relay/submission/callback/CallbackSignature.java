package id.ltsa.relay.submission.callback;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a central callback's signature the way Standard Webhooks does: {@code X-Signature: sha256=<hex HMAC-SHA256
 * of "<X-Callback-Id>.<X-Callback-Timestamp>.<body>">} with the secret shared with the central API. Signing the id and
 * the time, not only the body, is what makes a captured callback useless: outside the tolerance its timestamp is
 * refused, inside it its id has been seen ({@link CallbacksSeen}).
 */
@ApplicationScoped
class CallbackSignature {

    /** Why a callback's credentials were refused; said in the 401, never the expected signature. */
    enum Verdict {
        VALID,
        MISSING,
        STALE,
        WRONG
    }

    private static final String PREFIX = "sha256=";
    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    CallbackSignature(
            @ConfigProperty(name = "ltsa.callback.secret") String secret,
            @ConfigProperty(name = "ltsa.callback.tolerance", defaultValue = "5m") Duration tolerance,
            Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** How long a callback's id must be remembered: past it, its timestamp alone refuses it. */
    Duration tolerance() {
        return tolerance;
    }

    Verdict check(String id, String timestamp, String header, byte[] body) {
        if (id == null
                || id.isBlank()
                || id.length() > 255
                || timestamp == null
                || header == null
                || !header.startsWith(PREFIX)) {
            return Verdict.MISSING;
        }
        long seconds;
        byte[] given;
        try {
            seconds = Long.parseLong(timestamp.trim());
            given = HexFormat.of()
                    .parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            return Verdict.WRONG;
        }
        // constant time, so the answer's timing does not leak how much of a forged signature was right
        if (!MessageDigest.isEqual(expected(id, timestamp.trim(), body), given)) {
            return Verdict.WRONG;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                .abs();
        return age.compareTo(tolerance) > 0 ? Verdict.STALE : Verdict.VALID;
    }

    private byte[] expected(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
