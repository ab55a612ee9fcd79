package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.contracts.OfficeState;
import id.ltsa.relay.ministry.registry.FleetConfig;
import id.ltsa.relay.ministry.registry.Office;
import id.ltsa.relay.ministry.report.FleetApplications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every office as the ministry sees it, red first: what the API, the page and the metrics show. */
@ApplicationScoped
public class FleetView {

    /** One office in the list. {@code silentForSeconds} is how long nothing has arrived from it (null: never). */
    public record OfficeLine(
            String officeCode,

            @Schema(nullable = true, description = "null until the office is registered by name")
            String name,

            boolean registered,
            OfficeState state,

            @Schema(nullable = true, description = "null until the office is first judged")
            Instant stateSince,

            @Schema(nullable = true, description = "null while NEVER_SEEN")
            Instant lastSeenAt,

            @Schema(nullable = true, description = "null while NEVER_SEEN")
            Long silentForSeconds,

            @Schema(nullable = true, description = "null until a heartbeat told it")
            String linkState,

            @Schema(nullable = true, description = "null until a heartbeat told it")
            Instant linkSince,

            @Schema(nullable = true, description = "null while the link is up")
            String linkDiagnosis,

            long pending,

            @Schema(nullable = true, description = "null with nothing pending")
            Long oldestPendingAgeSeconds,

            List<FleetApplications.Day> applicationsPerDay) {}

    /** One office with its history and its report. */
    public record OfficeDetail(OfficeLine office, List<OfficeHistory.Entry> history, FleetApplications.Report report) {}

    private final FleetApplications applications;
    private final OfficeHistory history;
    private final FleetConfig settings;
    private final StateJudge judge;
    private final Clock clock;

    FleetView(
            FleetApplications applications,
            OfficeHistory history,
            FleetConfig settings,
            StateJudge judge,
            Clock clock) {
        this.applications = applications;
        this.history = history;
        this.settings = settings;
        this.judge = judge;
        this.clock = clock;
    }

    @Transactional
    public List<OfficeLine> offices() {
        return Office.<Office>listAll().stream()
                .map(this::line)
                .sorted(Comparator.comparing((OfficeLine line) -> !line.state().needsAttention())
                        .thenComparing(line -> line.lastSeenAt() == null ? Instant.MIN : line.lastSeenAt())
                        .thenComparing(OfficeLine::officeCode))
                .toList();
    }

    @Transactional
    public Optional<OfficeDetail> office(String code) {
        return Optional.ofNullable(Office.<Office>findById(code))
                .map(office ->
                        new OfficeDetail(line(office), history.of(code), applications.report(code, settings.zone())));
    }

    private OfficeLine line(Office office) {
        Instant now = clock.instant();
        // as of now, by the same rules the timer applies: the history and the announcements follow within a check
        OfficeState state = judge.stateOf(office, now);
        FleetApplications.Report report = applications.report(office.code, settings.zone());
        return new OfficeLine(
                office.code,
                office.name,
                office.registered,
                state,
                office.stateSince,
                office.lastSeenAt,
                office.lastSeenAt == null
                        ? null
                        : Math.max(0, Duration.between(office.lastSeenAt, now).toSeconds()),
                office.linkState,
                office.linkSince,
                office.linkDiagnosis,
                report.pending(),
                report.oldestPendingAgeSeconds(),
                report.applicationsPerDay());
    }
}
