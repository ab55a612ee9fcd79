package id.ltsa.relay.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.testing.HeadlessChromium;
import id.ltsa.relay.scenario.Relay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The ops dashboard of a dark office, in Debian's headless Chromium: the link line names the office's own internet
 * and the modem line reads gammu's report from notification-service. Kept as target/dashboard/office-offline.png.
 */
final class DashboardInChromium {

    private DashboardInChromium() {}

    static void showsTheOfficeOffline(LocalStack stack, Relay relay) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "UPLINK_DOWN"
                .equals(relay.backlog().path("diagnosis").asText()));
        String url = stack.url(Service.SUBMISSION) + "/ops/index.html#token=" + relay.opsToken();
        try {
            Path out = Path.of("target/dashboard");
            Files.createDirectories(out);
            String dom = HeadlessChromium.dom(url);
            HeadlessChromium.screenshot(url, out.resolve("office-offline.png"), 1280, 900);
            Files.writeString(out.resolve("office-offline.html"), dom);
            assertTrue(dom.contains("UPLINK_DOWN: Internet kantor mati"), "the link line names the office internet");
            assertTrue(dom.contains("Modem: UP — signal 42 %, battery 100 %"), "the modem line: " + modemLine(dom));
            assertTrue(Files.size(out.resolve("office-offline.png")) > 10_000, "a screenshot with content");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String modemLine(String dom) {
        int at = dom.indexOf("id=\"modemLine\"");
        return at < 0 ? "(none)" : dom.substring(at, Math.min(dom.length(), at + 300));
    }
}
