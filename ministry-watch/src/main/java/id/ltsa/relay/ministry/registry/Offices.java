package id.ltsa.relay.ministry.registry;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.OfficeState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one writer of the office table: the registry brought in at startup, and what arrives from each office. Signals
 * only ever move "last seen" forward and take a link change only if it is newer, so a replayed or late record (after
 * a MirrorMaker restart, say) changes nothing.
 */
@ApplicationScoped
public class Offices {

    private static final Logger LOG = Logger.getLogger(Offices.class);

    private final FleetConfig settings;
    private final EntityManager entityManager;
    private final Clock clock;

    Offices(FleetConfig settings, EntityManager entityManager, Clock clock) {
        this.settings = settings;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void loadRegistry(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<String, FleetConfig.Office> entry :
                    settings.offices().entrySet()) {
                Office office = known(entry.getKey());
                office.registered = true;
                office.name = entry.getValue().name();
                office.contacts = entry.getValue().contacts().orElse(null);
            }
        });
        LOG.infof("Watching %d registered offices", settings.offices().size());
    }

    /** Something from the office arrived, produced at {@code at} (its own clock, as MirrorMaker carries it over). */
    public void seen(String code, Instant at) {
        Office office = known(code);
        if (office.lastSeenAt == null || at.isAfter(office.lastSeenAt)) {
            office.lastSeenAt = at;
            office.updatedAt = clock.instant();
        }
    }

    public void linkChanged(String code, CentralLinkChanged change) {
        Office office = known(code);
        if (office.linkSince != null && change.since().isBefore(office.linkSince)) {
            return;
        }
        office.linkState = change.state().name();
        office.linkSince = change.since();
        office.linkDiagnosis =
                change.diagnosis() == null ? null : change.diagnosis().name();
        office.updatedAt = clock.instant();
    }

    public void moveTo(Office office, OfficeState state, Instant since) {
        office.state = state.name();
        office.stateSince = since;
        office.updatedAt = clock.instant();
    }

    /** The office's row, locked; made (unregistered, no state yet) the first time an office is heard of. */
    private Office known(String code) {
        entityManager
                .createNativeQuery("""
                INSERT INTO office (code, registered, updated_at) VALUES (?1, false, ?2)
                ON CONFLICT (code) DO NOTHING""")
                .setParameter(1, code)
                .setParameter(2, clock.instant())
                .executeUpdate();
        return Office.findById(code, LockModeType.PESSIMISTIC_WRITE);
    }
}
