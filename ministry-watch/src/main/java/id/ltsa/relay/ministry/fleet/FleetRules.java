package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.contracts.OfficeState;
import java.time.Duration;
import java.time.Instant;

/** What an office's state is, from when it was last heard from and what it last said of its central link. */
final class FleetRules {

    private FleetRules() {}

    /**
     * @param before the office's recorded state, null if it has none yet
     * @param watchingSince when this watcher started. Until it has watched for {@code silentAfter} it has not yet read
     *     what MirrorMaker brought while it was down, so it calls no office SILENT that was not SILENT already (after a
     *     restart every office would otherwise flap to SILENT and back); a sign of life counts at once.
     */
    static OfficeState stateOf(
            OfficeState before,
            Instant lastSeenAt,
            String linkState,
            Instant now,
            Duration silentAfter,
            Instant watchingSince) {
        if (lastSeenAt == null) {
            return OfficeState.NEVER_SEEN;
        }
        if (Duration.between(lastSeenAt, now).compareTo(silentAfter) >= 0) {
            boolean caughtUp = Duration.between(watchingSince, now).compareTo(silentAfter) >= 0;
            // whatever it said last, it has said nothing since
            return caughtUp || before == null || before == OfficeState.SILENT ? OfficeState.SILENT : before;
        }
        return LinkState.DOWN.name().equals(linkState) ? OfficeState.LINK_DOWN : OfficeState.OK;
    }
}
