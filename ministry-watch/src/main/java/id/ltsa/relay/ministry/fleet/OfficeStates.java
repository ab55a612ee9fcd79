package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.contracts.OfficeState;
import id.ltsa.relay.contracts.OfficeStateChanged;
import id.ltsa.relay.ministry.registry.Office;
import id.ltsa.relay.ministry.registry.Offices;
import id.ltsa.relay.ministry.report.FleetApplications;
import id.ltsa.relay.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Works out every office's state on a timer, because SILENT is the absence of anything arriving: no event can say
 * it. A change is recorded in the history and announced on {@code ltsa.fleet.office-state} (through the outbox, in
 * the same transaction). Rows are locked, so two instances decide each change once.
 */
@ApplicationScoped
class OfficeStates {

    private static final Logger LOG = Logger.getLogger(OfficeStates.class);

    private final Offices offices;
    private final OfficeHistory history;
    private final FleetApplications applications;
    private final Outbox outbox;
    private final StateJudge judge;
    private final Clock clock;

    OfficeStates(
            Offices offices,
            OfficeHistory history,
            FleetApplications applications,
            Outbox outbox,
            StateJudge judge,
            Clock clock) {
        this.offices = offices;
        this.history = history;
        this.applications = applications;
        this.outbox = outbox;
        this.judge = judge;
        this.clock = clock;
    }

    @Scheduled(every = "${ltsa.fleet.check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void evaluate() {
        Instant now = clock.instant();
        List<Office> all = Office.<Office>findAll()
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        for (Office office : all) {
            OfficeState before = office.state == null ? null : OfficeState.valueOf(office.state);
            OfficeState state = judge.stateOf(office, now);
            if (state == before) {
                continue;
            }
            offices.moveTo(office, state, now);
            history.add(office.code, state, now);
            outbox.append(
                    office.code,
                    new OfficeStateChanged(
                            office.code, state, before, now, office.lastSeenAt, applications.pending(office.code)));
            LOG.infof("Office %s is %s (was %s)", office.code, state, before == null ? "-" : before);
        }
    }
}
