package id.ltsa.relay.intake.status;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.intake.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * Keeps each application's status as submission-service reports it. Events may arrive twice or late (at-least-once
 * delivery, a redelivery after a crash): an event that would move an application backwards is ignored.
 */
@ApplicationScoped
public class StatusReadModel {

    private static final Logger LOG = Logger.getLogger(StatusReadModel.class);

    /**
     * Moves the application on and writes its history in one statement, only where the event is newer: a later
     * revision, or the same revision further along the lifecycle, and never away from a final status. The lifecycle's
     * order comes as parameters (the final statuses, those ranked below the event's), so it is still said only in
     * {@code contracts}. The UPDATE waits for the row's lock and then tests its condition on the row as it is (READ
     * COMMITTED), so two events of one application are decided in turn. A select, an update and an insert cost three
     * round trips per status event, two events per application (the performance issue). The version moves as an update
     * of the entity would move it, so an amendment read before this fails to save. The application is never loaded:
     * loaded whole, its personal data would be decrypted for nothing, then encrypted again by an UPDATE of every column.
     */
    private static final String APPLY = """
            WITH changed AS (
                UPDATE application SET status = :status, status_revision = :revision,
                    central_reference = coalesce(:reference, central_reference), updated_at = :now,
                    version = version + 1
                WHERE id = :id AND status <> ALL (:finals)
                    AND (status_revision < :revision
                        OR status_revision = :revision AND status = ANY (:rankedBelow))
                RETURNING id)
            INSERT INTO status_history (application_id, status, reason, revision, at)
            SELECT id, :status, :reason, :revision, :at FROM changed""";

    private static final String[] FINALS = names(ApplicationStatus.finals());

    private final EntityManager entityManager;
    private final Clock clock;

    StatusReadModel(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** @return whether the event changed the application */
    @Transactional
    public boolean apply(ApplicationStatusChanged event) {
        // typed, since either may be null: a null of no known type would not do for coalesce or the text column
        int changed = entityManager
                .createNativeQuery(APPLY)
                .unwrap(NativeQuery.class)
                .setParameter("status", event.status().name())
                .setParameter("revision", event.revision())
                .setParameter("reference", event.centralReference(), StandardBasicTypes.STRING)
                .setParameter("now", clock.instant())
                .setParameter("id", event.applicationId())
                .setParameter("finals", FINALS)
                .setParameter("rankedBelow", names(event.status().rankedBelow()))
                .setParameter("reason", event.reason(), StandardBasicTypes.STRING)
                .setParameter("at", event.occurredAt())
                .executeUpdate();
        // counted, not loaded: loading would decrypt the personal data (late and repeated events come here too)
        if (changed == 0 && Application.count("id", event.applicationId()) == 0) {
            LOG.warnf("Status %s for unknown application %s ignored", event.status(), event.applicationId());
        }
        return changed > 0;
    }

    private static String[] names(Collection<ApplicationStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
