package id.ltsa.relay.intake.status;

import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.LifecyclePosition;
import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.intake.application.StatusHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
        Application application = Application.findById(event.applicationId(), LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            LOG.warnf("Status %s for unknown application %s ignored", event.status(), event.applicationId());
            return false;
        }
        if (!isNewer(application, event)) {
            return false;
        }
        application.status = event.status();
        application.statusRevision = event.revision();
        if (event.centralReference() != null) {
            application.centralReference = event.centralReference();
        }
        application.updatedAt = clock.instant();
        StatusHistoryEntry.of(application.id, event.status(), event.reason(), event.revision(), event.occurredAt())
                .persist();
        return true;
    }

    /** Newer means a later revision, or the same revision further along the lifecycle; a final status never moves. */
    static boolean isNewer(Application application, ApplicationStatusChanged event) {
        if (application.status.isFinal()) {
            return false;
        }
        return new LifecyclePosition(event.revision(), event.status())
                .isAfter(new LifecyclePosition(application.statusRevision, application.status));
    }
}
