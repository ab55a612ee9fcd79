package id.ltsa.relay.submission.report;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.LinkStatus;
import id.ltsa.relay.submission.queue.SubmissionTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the per-office report from the submission table's totals: two grouped queries, whatever the table's size. */
@ApplicationScoped
public class OfficeReports {

    static final Duration MEDIAN_WINDOW = Duration.ofDays(7);
    private static final List<String> PENDING =
            ApplicationStatus.pending().stream().map(Enum::name).toList();

    private final SubmissionTotals totals;
    private final CentralLink link;
    private final Clock clock;

    OfficeReports(SubmissionTotals totals, CentralLink link, Clock clock) {
        this.totals = totals;
        this.link = link;
        this.clock = clock;
    }

    private static final class OfficeRow {
        final Map<String, Long> counts = new LinkedHashMap<>();
        Instant oldestPending;
        Double medianSeconds;
        long submitted;

        OfficeRow() {
            Arrays.stream(ApplicationStatus.values()).forEach(status -> counts.put(status.name(), 0L));
        }
    }

    @Transactional
    public List<OfficeReport> offices() {
        Instant now = clock.instant();
        Map<String, OfficeRow> offices = new TreeMap<>();
        for (SubmissionTotals.StatusAtOffice row : totals.byOfficeAndStatus()) {
            OfficeRow office = offices.computeIfAbsent(row.officeCode(), code -> new OfficeRow());
            office.counts.put(row.status().name(), row.count());
            Instant oldest = row.oldestReceivedAt();
            if (oldest != null && (office.oldestPending == null || oldest.isBefore(office.oldestPending))) {
                office.oldestPending = oldest;
            }
        }
        for (SubmissionTotals.SubmittedAtOffice row : totals.submittedSince(now.minus(MEDIAN_WINDOW))) {
            OfficeRow office = offices.computeIfAbsent(row.officeCode(), code -> new OfficeRow());
            office.submitted = row.submitted();
            office.medianSeconds = row.medianSecondsToSubmit();
        }
        LinkStatus linkStatus = link.current();
        return offices.entrySet().stream()
                .map(entry -> {
                    OfficeRow office = entry.getValue();
                    long pending = PENDING.stream()
                            .mapToLong(status -> office.counts.get(status))
                            .sum();
                    long oldestAge = office.oldestPending == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(office.oldestPending, now).toSeconds());
                    return new OfficeReport(
                            entry.getKey(),
                            office.counts,
                            pending,
                            oldestAge,
                            office.medianSeconds,
                            office.submitted,
                            linkStatus.state(),
                            linkStatus.since());
                })
                .toList();
    }
}
