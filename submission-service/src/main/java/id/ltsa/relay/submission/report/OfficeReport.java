package id.ltsa.relay.submission.report;

import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.http.ApiLimits;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One office as the ministry sees it: how many applications are in each status, how long the oldest pending one has
 * waited, how long the office's applications took from RECEIVED to SUBMITTED over the last 7 days (median, null
 * when none was submitted), and the state of the link it depends on.
 */
public record OfficeReport(
        @Schema(maxLength = 4, pattern = "^\\d{4}$") String officeCode,

        @Schema(description = "Applications by status", additionalProperties = CountByStatus.class)
        Map<String, Long> countsByStatus,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long pending,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long oldestPendingAgeSeconds,

        @Schema(
                nullable = true,
                minimum = "0",
                maximum = ApiLimits.COUNT_MAX,
                description = "null when none was submitted")
        Double medianSecondsToSubmitLast7Days,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long submittedLast7Days,

        LinkState linkState,
        Instant linkStateSince) {

    /** The schema of one count in {@code countsByStatus}. */
    @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
    interface CountByStatus {}
}
