package id.ltsa.relay.submission.ops;

import id.ltsa.relay.contracts.LinkState;
import java.util.List;

/** What waits for the central API, as ops and the ministry see it. */
public record Backlog(long pending, long delayed, long escalated, long oldestPendingAgeSeconds, LinkState linkState,
        boolean paused, List<OfficeBacklog> byOffice) {

    public record OfficeBacklog(String officeCode, long pending, long oldestPendingAgeSeconds) {
    }
}
