package id.ltsa.relay.submission.report;

import id.ltsa.relay.contracts.LinkState;
import java.time.Instant;
import java.util.Map;

/**
 * One office as the ministry sees it: how many applications are in each status, how long the oldest pending one has
 * waited, how long the office's applications took from RECEIVED to SUBMITTED over the last 7 days (median, null
 * when none was submitted), and the state of the link it depends on.
 */
public record OfficeReport(String officeCode, Map<String, Long> countsByStatus, long pending,
        long oldestPendingAgeSeconds, Double medianSecondsToSubmitLast7Days, long submittedLast7Days,
        LinkState linkState, Instant linkStateSince) {
}
