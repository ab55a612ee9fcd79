package id.ltsa.relay.intake.status;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.LifecyclePosition;
import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.intake.application.StatusHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps each application's status as submission-service reports it. Events may arrive twice or late (at-least-once
 * delivery, a redelivery after a crash): an event that would move an application backwards is ignored.
 */
@ApplicationScoped
public class StatusReadModel {

    private static final Logger LOG = Logger.getLogger(StatusReadModel.class);

    private final Clock clock;

    StatusReadModel(Clock clock) {
        this.clock = clock;
    }

    /** @return whether the event changed the application */
    @Transactional
    public boolean apply(ApplicationStatusChanged event) {
        // the two columns the decision needs, locked: loaded whole, the application's personal data would be decrypted
        // for nothing, then encrypted again (and its NIK's index recomputed) by an UPDATE of every column (the
        // performance issue)
        List<Object[]> found = Application.getEntityManager()
                .createQuery("select a.status, a.statusRevision from Application a where a.id = :id", Object[].class)
                .setParameter("id", event.applicationId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            LOG.warnf("Status %s for unknown application %s ignored", event.status(), event.applicationId());
            return false;
        }
        ApplicationStatus status = (ApplicationStatus) found.get(0)[0];
        int statusRevision = (Integer) found.get(0)[1];
        if (!isNewer(status, statusRevision, event)) {
            return false;
        }
        // the version moves as an update of the entity would move it, so an amendment read before this fails to save
        Application.update(
                "status = ?1, statusRevision = ?2, centralReference = coalesce(?3, centralReference), updatedAt = ?4,"
                        + " version = version + 1 where id = ?5",
                event.status(),
                event.revision(),
                event.centralReference(),
                clock.instant(),
                event.applicationId());
        StatusHistoryEntry.of(
                        event.applicationId(), event.status(), event.reason(), event.revision(), event.occurredAt())
                .persist();
        return true;
    }

    /** Newer means a later revision, or the same revision further along the lifecycle; a final status never moves. */
    static boolean isNewer(ApplicationStatus status, int statusRevision, ApplicationStatusChanged event) {
        if (status.isFinal()) {
            return false;
        }
        return new LifecyclePosition(event.revision(), event.status())
                .isAfter(new LifecyclePosition(statusRevision, status));
    }
}
