package id.ltsa.relay.ministry;

import static id.ltsa.relay.ministry.OfficeTraffic.heartbeat;
import static id.ltsa.relay.ministry.OfficeTraffic.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ministry's page in a real browser (Debian's headless Chromium): every office, those that need someone first,
 * with "silent for ...", the backlog at last contact and the applications per day. The screenshot is kept as
 * target/fleet/ministry-fleet.png.
 */
@QuarkusTest
class FleetPageInChromiumTest {

    @TestHTTPResource("/fleet/index.html")
    URL page;

    @Test
    void the_page_lists_every_office_red_first_with_its_silence_backlog_and_trend() throws Exception {
        String silent = "7401";
        heartbeat(silent, Instant.now());
        UUID waiting = UUID.randomUUID();
        status(silent, waiting, ApplicationStatus.DELAYED, Instant.now(), "page-" + waiting);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> FleetStatesTest.office(silent)
                .body("office.state", equalTo("SILENT")));
        String alive = "7402";
        try (AutoCloseable talking = OfficeTraffic.alive(alive)) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> FleetStatesTest.office(alive)
                    .body("office.state", equalTo("OK")));
            drawAndCheck(silent, alive);
        }
    }

    private void drawAndCheck(String silent, String alive) throws Exception {
        String url = page + "#token=" + RealInfrastructure.tokens().token(null, "ministry");
        Path out = Path.of("target/fleet");
        Files.createDirectories(out);
        String dom = chromium(List.of("--dump-dom", url));
        chromium(List.of("--screenshot=" + out.resolve("ministry-fleet.png").toAbsolutePath(),
                "--window-size=1280,900", url));
        Files.writeString(out.resolve("ministry-fleet.html"), dom);

        String silentRow = row(dom, silent);
        assertTrue(silentRow.contains("data-state=\"SILENT\"") && silentRow.contains("silent for"), silentRow);
        assertTrue(silentRow.contains("1 waiting"), "the backlog at last contact: " + silentRow);
        assertTrue(silentRow.contains("data-total=\"1\""), "its applications per day: " + silentRow);
        assertTrue(row(dom, "9901").contains("never seen"), "the office never heard from");
        assertTrue(dom.indexOf("data-office=\"" + silent + "\"") < dom.indexOf("data-office=\"" + alive + "\""),
                "red first");
        assertTrue(!dom.contains("class=\"problem\">"), "no error banner");
        assertTrue(Files.size(out.resolve("ministry-fleet.png")) > 10_000, "a screenshot with content");
    }

    private static String row(String dom, String office) {
        int start = dom.indexOf("data-office=\"" + office + "\"");
        assertTrue(start >= 0, "a row for " + office);
        return dom.substring(start, dom.indexOf("</tr>", start));
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
