package id.ltsa.relay.notification.backlog;

import id.ltsa.relay.contracts.ApplicationStatus;
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

    /** Where this event stands after what is known: the condition under which the status moves. */
    private static final String LATER = """
            (:revision > known.revision
                OR :revision = known.revision AND known.status = ANY (:rankedBelow))""";

    private static final String TRACK = """
            INSERT INTO application_progress AS known (application_id, office_code, status, revision, received_at,
                updated_at) VALUES (:id, :office, :status, :revision, :at, :at)
            ON CONFLICT (application_id) DO UPDATE SET
                received_at = CASE WHEN :received AND (:revision > known.revision
                        OR :revision = known.revision AND :at < known.received_at)
                    THEN :at ELSE known.received_at END,
                status = CASE WHEN %1$s THEN :status ELSE known.status END,
                revision = CASE WHEN %1$s THEN :revision ELSE known.revision END,
                updated_at = CASE WHEN %1$s THEN :at ELSE known.updated_at END""".formatted(LATER);

    private final EntityManager entityManager;
    private final Clock clock;

    Backlog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Records a status, ignoring one older than what is known (a late or repeated event). Call inside a transaction.
     *
     * <p>Both consumers (applications and statuses) may meet a new application at the same moment: one upsert, never
     * find-then-insert. It decides in the same statement, on the row as it is once locked: the status moves only to a
     * later position (a later revision, or further along the lifecycle, whose order comes as a parameter, the
     * statuses ranked below this one, so it is still said only in {@code contracts}), and waiting starts at RECEIVED
     * of the newest revision, which may arrive after a later status of that revision. Read and then updated through
     * the entity, it was two round trips (the performance issue).
     */
    public void track(UUID applicationId, String officeCode, ApplicationStatus status, int revision, Instant at) {
        entityManager
                .createNativeQuery(TRACK)
                .setParameter("id", applicationId)
                .setParameter("office", officeCode)
                .setParameter("status", status.name())
                .setParameter("revision", revision)
                .setParameter("at", at)
                .setParameter("received", status == ApplicationStatus.RECEIVED)
                .setParameter(
                        "rankedBelow",
                        status.rankedBelow().stream().map(Enum::name).toArray(String[]::new))
                .executeUpdate();
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
