package id.ltsa.relay.submission.ops;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.http.ApiLimits;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What waits for the central API, as ops and the ministry see it, with the link: its state, since when, and while it
 * is down its likely cause ({@code diagnosis}, null while up).
 */
public record Backlog(
        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long pending,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long delayed,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long escalated,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long oldestPendingAgeSeconds,

        LinkState linkState,
        Instant linkSince,

        @Schema(nullable = true, description = "While the link is DOWN, its likely cause; null while it is up")
        LinkDiagnosis diagnosis,

        boolean paused,
        @Schema(maxItems = ApiLimits.LIST_MAX) List<OfficeBacklog> byOffice) {

    public record OfficeBacklog(
            @Schema(maxLength = 4, pattern = "^\\d{4}$") String officeCode,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long pending,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long oldestPendingAgeSeconds) {}
}
