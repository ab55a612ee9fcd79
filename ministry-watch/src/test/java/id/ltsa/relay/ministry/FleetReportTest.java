package id.ltsa.relay.ministry;

import static id.ltsa.relay.ministry.OfficeTraffic.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.ApplicationStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The per-office report, computed at the ministry from the status events MirrorMaker brings: counts by status, the
 * backlog, the median RECEIVED to SUBMITTED over 7 days and applications per day. A replayed event (the same ce_id,
 * as after a MirrorMaker restart) and a late older one change nothing.
 */
@QuarkusTest
class FleetReportTest {

    @Test
    void the_report_counts_each_application_once_whatever_is_replayed_or_late() throws Exception {
        String office = "7201";
        Instant queued = Instant.now().minus(Duration.ofHours(2));
        for (int i = 0; i < 3; i++) {
            UUID application = UUID.randomUUID();
            status(office, application, ApplicationStatus.QUEUED, queued, "q-" + application);
            String submitted = "s-" + application;
            status(office, application, ApplicationStatus.SUBMITTED, queued.plus(Duration.ofHours(1)), submitted);
            status(office, application, ApplicationStatus.SUBMITTED, queued.plus(Duration.ofHours(1)), submitted);
            // an older status, arriving late: never moves the application back
            status(office, application, ApplicationStatus.DELAYED, queued.plusSeconds(60), "d-" + application);
        }
        UUID waiting = UUID.randomUUID();
        status(office, waiting, ApplicationStatus.QUEUED, queued, "q-" + waiting);
        status(office, waiting, ApplicationStatus.DELAYED, queued.plusSeconds(5), "d-" + waiting);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> FleetStatesTest.office(office)
                .body("report.countsByStatus.SUBMITTED", equalTo(3))
                .body("report.countsByStatus.DELAYED", equalTo(1)));
        JsonPath detail = FleetStatesTest.office(office).extract().jsonPath();
        assertEquals(0, detail.getInt("report.countsByStatus.QUEUED"));
        assertEquals(1, detail.getInt("report.pending"));
        assertEquals(3600, detail.getLong("report.medianSecondsToSubmitLast7Days"));
        assertEquals(1, detail.getInt("office.pending"), "the backlog at last contact");
        String day = LocalDate.ofInstant(queued, ZoneId.of("Asia/Jakarta")).toString();
        assertEquals(List.of(Map.of("day", day, "applications", 4)), detail.getList("report.applicationsPerDay"));
        assertEquals(false, detail.getString("office.lastSeenAt") == null, "its events are signs of life too");
    }
}
