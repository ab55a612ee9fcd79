package id.ltsa.relay.submission.callback;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>} with the secret shared with the central API. */
@ApplicationScoped
class CallbackSignature {

    private static final String PREFIX = "sha256=";
    private final byte[] secret;

    CallbackSignature(@ConfigProperty(name = "ltsa.callback.secret") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    boolean isValid(String header, byte[] body) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // constant time, so the answer's timing does not leak how much of a forged signature was right
        return MessageDigest.isEqual(expected(body), given);
    }

    private byte[] expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
