package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.contracts.OfficeState;
import java.time.Duration;
import java.time.Instant;

/** What an office's state is, from when it was last heard from and what it last said of its central link. */
final class FleetRules {

    private FleetRules() {
    }

    static OfficeState stateOf(Instant lastSeenAt, String linkState, Instant now, Duration silentAfter) {
        if (lastSeenAt == null) {
            return OfficeState.NEVER_SEEN;
        }
        if (Duration.between(lastSeenAt, now).compareTo(silentAfter) >= 0) {
            return OfficeState.SILENT; // whatever it said last, it has said nothing since
        }
        return LinkState.DOWN.name().equals(linkState) ? OfficeState.LINK_DOWN : OfficeState.OK;
    }
}
