package id.ltsa.relay.submission.dashboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.localstack.supervision.ProcessStatus;
import id.ltsa.relay.localstack.supervision.SupervisionFile;
import id.ltsa.relay.localstack.testing.HeadlessChromium;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import id.ltsa.relay.submission.queue.Submission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ops dashboard in a real browser (Debian's headless Chromium): it must draw the offices, the backlog and the
 * consumer groups from live endpoints. The screenshot is kept as target/dashboard/ops-dashboard.png.
 */
@QuarkusTest
class DashboardInChromiumTest {

    static final String TRACKING_CODE = "LT-DASHBRD1";

    @TestHTTPResource("/ops/index.html")
    URL dashboard;

    @AfterEach
    void forget() {
        QuarkusTransaction.requiringNew().run(() -> Submission.delete("trackingCode", TRACKING_CODE));
    }

    @Test
    void the_dashboard_shows_each_office_with_its_backlog_and_the_consumer_groups() throws Exception {
        String office = "97" + String.format("%02d", (int) (System.nanoTime() % 100));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                pending(office, Instant.now().minus(Duration.ofHours(2 + i)));
            }
        });
        // the lag monitor has sampled at least once, so the consumer table has rows
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> io.restassured.RestAssured.given()
                                .auth()
                                .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                                .get("/api/v1/ops/consumers")
                                .then()
                                .extract()
                                .path("groups.size()"),
                        groups -> ((Integer) groups) > 0);
        samplesOfAnOutage();
        Instant restarted = Instant.now().minus(Duration.ofMinutes(5));
        SupervisionFile.write(
                Path.of("target/supervision.properties"),
                List.of(
                        new ProcessStatus("postgresql", ProcessStatus.State.RUNNING, 0, null, null, null),
                        new ProcessStatus(
                                "kafka", ProcessStatus.State.RUNNING, 1, restarted.minusSeconds(1), restarted, null)),
                restarted);
        String url = dashboard + "#token=" + RealInfrastructure.tokens().token(null, "ops");
        Path out = Path.of("target/dashboard");
        Files.createDirectories(out);

        String dom = HeadlessChromium.dom(url);
        HeadlessChromium.screenshot(url, out.resolve("ops-dashboard.png"), 1280, 1500);

        Files.writeString(out.resolve("ops-dashboard.html"), dom);
        assertTrue(dom.contains("<td>" + office + "</td>"), "the office row is drawn");
        String officeRow = dom.substring(dom.indexOf("<td>" + office + "</td>"));
        officeRow = officeRow.substring(0, officeRow.indexOf("</tr>"));
        assertTrue(officeRow.contains("<td class=\"number\">3</td>"), "3 pending: " + officeRow);
        assertTrue(officeRow.contains("4 h"), "oldest pending 4 h: " + officeRow);
        assertTrue(dom.contains("submission-service"), "the consumer groups are drawn");
        assertTrue(dom.matches("(?s).*data-state=\"(UP|DOWN|PAUSED)\".*"), "the link state is drawn");
        assertTrue(
                dom.contains("Central link UP since") || dom.contains("Central link DOWN since"),
                "the link line with its since");
        // no notification-service in this test: the modem line says so instead of breaking the page
        assertTrue(dom.contains("id=\"modemLine\"") && dom.contains("Modem: unknown"), "the modem line is drawn");
        assertTrue(dom.contains("Supervised by ltsa up: 1 restart, all running"), "the restarts line is drawn");
        String kafkaRow = dom.substring(dom.indexOf("<td>kafka</td>"));
        kafkaRow = kafkaRow.substring(0, kafkaRow.indexOf("</tr>"));
        assertTrue(
                kafkaRow.contains("<td class=\"number\">1</td>") && kafkaRow.contains("5 min ago"),
                "kafka's restart and when: " + kafkaRow);
        assertTrue(
                dom.matches("(?s).*id=\"chartDay\" data-points=\"([3-9]\\d|\\d{3})\".*"),
                "the 24-hour chart has its points: " + chartTag(dom, "chartDay"));
        assertTrue(
                dom.matches("(?s).*id=\"chartFortnight\" data-points=\"([2-9]\\d|\\d{3})\".*"),
                "the 14-day chart has its points: " + chartTag(dom, "chartFortnight"));
        assertTrue(
                dom.contains("Last 24 hours") && dom.contains("Last 14 days") && dom.contains("<canvas"),
                "both charts drawn on canvas");
        assertTrue(!dom.contains("class=\"problem\">"), "no error banner");
        assertTrue(Files.size(out.resolve("ops-dashboard.png")) > 10_000, "a screenshot with content");
    }

    /**
     * A day-long outage three days ago and a morning's backlog today, as the sampler would have written them: every
     * 5 minutes over the last 3 hours, every hour over the last 4 days.
     */
    private static void samplesOfAnOutage() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            for (int minutes = 180; minutes > 5; minutes -= 5) {
                sample(now.minus(Duration.ofMinutes(minutes)), 3 + (180 - minutes) / 10, minutes * 20L, true);
            }
            for (int hours = 96; hours > 4; hours--) {
                boolean down = hours >= 60 && hours < 84;
                sample(
                        now.minus(Duration.ofHours(hours)),
                        down ? (84 - hours) * 12 : 2,
                        down ? (84 - hours) * 3600L : 120,
                        !down);
            }
        });
    }

    private static void sample(Instant at, int pending, long oldestSeconds, boolean linkUp) {
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("""
                INSERT INTO backlog_sample (sampled_at, pending, delayed, oldest_pending_age_seconds, link_up)
                VALUES (?1, ?2, 0, ?3, ?4) ON CONFLICT (sampled_at) DO NOTHING""")
                .setParameter(1, java.sql.Timestamp.from(at))
                .setParameter(2, pending)
                .setParameter(3, oldestSeconds)
                .setParameter(4, linkUp)
                .executeUpdate();
    }

    private static String chartTag(String dom, String id) {
        int at = dom.indexOf("id=\"" + id + "\"");
        return at < 0 ? "(no element " + id + ")" : dom.substring(at, Math.min(dom.length(), at + 60));
    }

    private static void pending(String office, Instant receivedAt) {
        Submission submission = new Submission();
        submission.applicationId = UUID.randomUUID();
        submission.trackingCode = TRACKING_CODE;
        submission.officeCode = office;
        submission.revision = 1;
        submission.status = ApplicationStatus.DELAYED;
        submission.payload = "{}";
        submission.nextAttemptAt = receivedAt.plus(Duration.ofDays(365));
        submission.queuedAt = receivedAt;
        submission.receivedAt = receivedAt;
        submission.updatedAt = receivedAt;
        submission.persist();
    }
}
