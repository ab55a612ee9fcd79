package id.ltsa.relay.contracts;

import java.time.Instant;

/**
 * An office's state as the ministry sees it changed (ministry-watch publishes it for the ministry's own systems). No
 * personal data: the office, its state, when it was last heard from and its backlog then.
 */
public record OfficeStateChanged(
        String officeCode,
        OfficeState state,
        OfficeState previousState,
        Instant since,
        Instant lastSeenAt,
        long pending) {

    public static final String TYPE = "id.ltsa.fleet.office-state-changed.v1";
}
