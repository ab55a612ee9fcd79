package id.ltsa.relay.notification.backlog;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.LifecyclePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The applications still waiting for the central API, as seen from the events this service consumes. Outage alerts
 * quote it: asking submission-service instead would mean one more thing that must work while things are broken.
 */
@ApplicationScoped
public class Backlog {

    /** Pending applications of one office and how long the oldest has waited. */
    public record OfficeBacklog(String officeCode, long pending, Duration oldestPendingAge) {}

    private static final List<String> PENDING =
            ApplicationStatus.pending().stream().map(Enum::name).toList();

    private final EntityManager entityManager;
    private final Clock clock;

    Backlog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Records a status, ignoring one older than what is known (a late or repeated event). Call inside a transaction. */
    public void track(UUID applicationId, String officeCode, ApplicationStatus status, int revision, Instant at) {
        // both consumers (applications and statuses) may meet a new application at the same moment: insert or lock,
        // never find-then-insert. One statement does either and returns the row as it now is, locked: the no-op
        // update is what takes the lock, and a fresh row already holds this status (nothing below changes it).
        ApplicationProgress progress = (ApplicationProgress) entityManager
                .createNativeQuery("""
                        INSERT INTO application_progress (application_id, office_code, status, revision, received_at,
                            updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                        ON CONFLICT (application_id) DO UPDATE SET application_id = EXCLUDED.application_id
                        RETURNING *""", ApplicationProgress.class)
                .setParameter(1, applicationId)
                .setParameter(2, officeCode)
                .setParameter(3, status.name())
                .setParameter(4, revision)
                .setParameter(5, at)
                .getSingleResult();
        // waiting starts at RECEIVED of the newest revision, which may arrive after a later status of that revision
        if (status == ApplicationStatus.RECEIVED
                && (revision > progress.revision
                        || revision == progress.revision && at.isBefore(progress.receivedAt))) {
            progress.receivedAt = at;
        }
        LifecyclePosition known = new LifecyclePosition(progress.revision, ApplicationStatus.valueOf(progress.status));
        if (new LifecyclePosition(revision, status).isAfter(known)) {
            progress.status = status.name();
            progress.revision = revision;
            progress.updatedAt = at;
        }
    }

    /** Offices with pending applications, most waiting first. */
    public List<OfficeBacklog> byOffice() {
        Instant now = clock.instant();
        List<Object[]> rows = entityManager
                .createQuery("""
                select p.officeCode, count(p), min(p.receivedAt) from ApplicationProgress p
                where p.status in :pending
                group by p.officeCode order by count(p) desc, p.officeCode""", Object[].class)
                .setParameter("pending", PENDING)
                .getResultList();
        return rows.stream()
                .map(row -> new OfficeBacklog((String) row[0], (Long) row[1], Duration.between((Instant) row[2], now)))
                .toList();
    }
}
