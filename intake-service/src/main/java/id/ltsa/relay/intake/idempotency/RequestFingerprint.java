package id.ltsa.relay.intake.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whether two requests under one key are "the same body": the SHA-256 of the parsed request re-serialized, so spacing
 * and field order do not matter, and ignored unknown fields do not either.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    public static String of(ObjectMapper json, Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
