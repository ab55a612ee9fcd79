package id.ltsa.relay.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Calls submission-service back with a decision, signed as the real central API signs it. */
@ApplicationScoped
class CallbackSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI callbackUrl;
    private final String secret;

    CallbackSender(@ConfigProperty(name = "ltsa.callback.url") URI callbackUrl,
            @ConfigProperty(name = "ltsa.callback.secret") String secret) {
        this.callbackUrl = callbackUrl;
        this.secret = secret;
    }

    /** @return the HTTP status submission-service answered */
    int send(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(callbackUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Signature", "sha256=" + hmacSha256(secret, body))
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
