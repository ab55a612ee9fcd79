package id.ltsa.relay.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.scenario.Relay;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ops dashboard of a dark office, in Debian's headless Chromium: the link line names the office's own internet
 * and the modem line reads gammu's report from notification-service. Kept as target/dashboard/office-offline.png.
 */
final class DashboardInChromium {

    private DashboardInChromium() {
    }

    static void showsTheOfficeOffline(LocalStack stack, Relay relay) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "UPLINK_DOWN".equals(relay.backlog().path("diagnosis")
                .asText()));
        String url = stack.url(Service.SUBMISSION) + "/ops/index.html#token=" + relay.opsToken();
        try {
            Path out = Path.of("target/dashboard");
            Files.createDirectories(out);
            String dom = chromium(List.of("--dump-dom", url));
            chromium(List.of("--screenshot=" + out.resolve("office-offline.png").toAbsolutePath(),
                    "--window-size=1280,900", url));
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

    private static String chromium(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/chromium", "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--disable-background-networking",
                "--disable-component-update", "--virtual-time-budget=8000"));
        command.addAll(arguments);
        File log = File.createTempFile("chromium", ".log");
        Process process = new ProcessBuilder(command).redirectError(log).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + log);
        return output;
    }
}
