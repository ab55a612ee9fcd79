package id.ltsa.relay.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls submission-service back with a decision, signed as the real central API signs it: a fresh id and the time,
 * both under the HMAC with the body, so a captured callback cannot be sent again later (Standard Webhooks' scheme).
 */
@ApplicationScoped
class CallbackSender {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI callbackUrl;
    private final String secret;
    private final Clock clock;

    CallbackSender(
            @ConfigProperty(name = "ltsa.callback.url") URI callbackUrl,
            @ConfigProperty(name = "ltsa.callback.secret") String secret,
            Clock clock) {
        this.callbackUrl = callbackUrl;
        this.secret = secret;
        this.clock = clock;
    }

    /** @return the HTTP status submission-service answered */
    int send(String body) throws IOException, InterruptedException {
        String id = "cb_" + UUID.randomUUID();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(callbackUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Callback-Id", id)
                .header("X-Callback-Timestamp", timestamp)
                .header("X-Signature", "sha256=" + hmacSha256(secret, id + "." + timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String hmacSha256(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
