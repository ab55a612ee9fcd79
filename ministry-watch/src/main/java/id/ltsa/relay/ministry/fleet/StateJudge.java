package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.contracts.OfficeState;
import id.ltsa.relay.ministry.registry.FleetConfig;
import id.ltsa.relay.ministry.registry.Office;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;

/**
 * An office's state as of a given instant, by {@link FleetRules}, for this instance: the timer that records changes
 * and the API that shows the state as of now judge the same way.
 */
@ApplicationScoped
class StateJudge {

    private final FleetConfig settings;
    /** When this instance started watching; until then nothing is called SILENT that was not already. */
    private volatile Instant watchingSince = Instant.MAX;

    StateJudge(FleetConfig settings) {
        this.settings = settings;
    }

    void started(@Observes StartupEvent event, Clock clock) {
        watchingSince = clock.instant();
    }

    OfficeState stateOf(Office office, Instant now) {
        OfficeState recorded = office.state == null ? null : OfficeState.valueOf(office.state);
        return FleetRules.stateOf(
                recorded, office.lastSeenAt, office.linkState, now, settings.silentAfter(), watchingSince);
    }
}
