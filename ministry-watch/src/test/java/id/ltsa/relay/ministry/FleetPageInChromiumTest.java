package id.ltsa.relay.ministry;

import static id.ltsa.relay.ministry.OfficeTraffic.heartbeat;
import static id.ltsa.relay.ministry.OfficeTraffic.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.localstack.testing.HeadlessChromium;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
        String dom = HeadlessChromium.dom(url);
        HeadlessChromium.screenshot(url, out.resolve("ministry-fleet.png"), 1280, 900);
        Files.writeString(out.resolve("ministry-fleet.html"), dom);

        String silentRow = row(dom, silent);
        assertTrue(silentRow.contains("data-state=\"SILENT\"") && silentRow.contains("silent for"), silentRow);
        assertTrue(silentRow.contains("1 waiting"), "the backlog at last contact: " + silentRow);
        assertTrue(silentRow.contains("data-total=\"1\""), "its applications per day: " + silentRow);
        assertTrue(row(dom, "9901").contains("never seen"), "the office never heard from");
        assertTrue(
                dom.indexOf("data-office=\"" + silent + "\"") < dom.indexOf("data-office=\"" + alive + "\""),
                "red first");
        assertTrue(!dom.contains("class=\"problem\">"), "no error banner");
        assertTrue(Files.size(out.resolve("ministry-fleet.png")) > 10_000, "a screenshot with content");
    }

    private static String row(String dom, String office) {
        int start = dom.indexOf("data-office=\"" + office + "\"");
        assertTrue(start >= 0, "a row for " + office);
        return dom.substring(start, dom.indexOf("</tr>", start));
    }
}
