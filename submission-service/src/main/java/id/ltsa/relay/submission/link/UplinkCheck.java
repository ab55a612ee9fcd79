package id.ltsa.relay.submission.link;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Asks whether anything upstream besides central answers: the difference between "central is down" and "this office's
 * internet is down". Any HTTP answer counts, so a web server's 404 or 405 proves the uplink as well as a 200; over
 * HTTPS a captive portal (the page an ISP shows for an unpaid bill) fails the TLS handshake and does not count. The
 * targets are a configured list, so this is the JDK's client rather than a typed REST client.
 */
@ApplicationScoped
public class UplinkCheck {

    private final List<URI> targets;
    private final LinkConfig config;
    private final HttpClient http;

    UplinkCheck(LinkConfig config) {
        this.config = config;
        this.targets = config.uplinkCheckUrls().orElse(List.of());
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.uplinkCheckTimeout())
                .build();
    }

    /** Whether there is anything to ask; without targets, {@link #anythingAnswers()} cannot tell. */
    public boolean configured() {
        return !targets.isEmpty();
    }

    public boolean anythingAnswers() {
        for (URI target : targets) {
            try {
                http.send(
                        HttpRequest.newBuilder(target)
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .timeout(config.uplinkCheckTimeout())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException e) {
                // this one is silent too; try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
