package id.ltsa.relay.submission.ops;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import java.time.Instant;
import java.util.List;

/**
 * What waits for the central API, as ops and the ministry see it, with the link: its state, since when, and while it
 * is down its likely cause ({@code diagnosis}, null while up).
 */
public record Backlog(long pending, long delayed, long escalated, long oldestPendingAgeSeconds, LinkState linkState,
        Instant linkSince, LinkDiagnosis diagnosis, boolean paused, List<OfficeBacklog> byOffice) {

    public record OfficeBacklog(String officeCode, long pending, long oldestPendingAgeSeconds) {
    }
}
