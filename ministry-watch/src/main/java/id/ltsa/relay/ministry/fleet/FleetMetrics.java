package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.contracts.OfficeState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet as Prometheus gauges: {@code ltsa_fleet_office_state{office,state}} is 1 for each office's current state
 * and 0 for the others; {@code ltsa_fleet_office_silent_seconds{office}} is how long nothing has arrived from it.
 * Rewritten on a timer, since offices come and go.
 */
@ApplicationScoped
class FleetMetrics {

    private final FleetView fleet;
    private MultiGauge states;
    private MultiGauge silence;

    FleetMetrics(FleetView fleet) {
        this.fleet = fleet;
    }

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        states = MultiGauge.builder("ltsa.fleet.office.state")
                .description("1 for the office's state as the ministry sees it (OK, LINK_DOWN, SILENT, NEVER_SEEN)")
                .register(registry);
        silence = MultiGauge.builder("ltsa.fleet.office.silent.seconds")
                .baseUnit("seconds")
                .description("Seconds since anything from the office reached the ministry")
                .register(registry);
    }

    @Scheduled(every = "${ltsa.fleet.check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (states == null) {
            return;
        }
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> silenceRows = new ArrayList<>();
        for (FleetView.OfficeLine office : fleet.offices()) {
            for (OfficeState state : OfficeState.values()) {
                stateRows.add(MultiGauge.Row.of(
                        Tags.of("office", office.officeCode(), "state", state.name()),
                        office.state() == state ? 1 : 0));
            }
            if (office.silentForSeconds() != null) {
                silenceRows.add(MultiGauge.Row.of(Tags.of("office", office.officeCode()), office.silentForSeconds()));
            }
        }
        states.register(stateRows, true);
        silence.register(silenceRows, true);
    }
}
