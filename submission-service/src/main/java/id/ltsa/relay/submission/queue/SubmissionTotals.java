package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The submission table counted per office, for the ops backlog and the office report. Grouped native queries: one pass
 * over the rows whatever the table's size, where loading entities would read every application into memory.
 */
@ApplicationScoped
public class SubmissionTotals {

    /**
     * An office's applications not yet at central.
     *
     * @param escalated pending since before the escalation bound given
     */
    public record PendingAtOffice(
            String officeCode, long pending, long delayed, long escalated, Instant oldestQueuedAt) {}

    /**
     * How many of an office's applications are in one status.
     *
     * @param oldestReceivedAt when the oldest of them was received, for a pending status; null for the others
     */
    public record StatusAtOffice(String officeCode, ApplicationStatus status, long count, Instant oldestReceivedAt) {}

    /** How many of an office's applications central accepted in a window, and their median time from receipt. */
    public record SubmittedAtOffice(String officeCode, long submitted, double medianSecondsToSubmit) {}

    private static final List<String> PENDING =
            ApplicationStatus.pending().stream().map(Enum::name).toList();

    private final EntityManager entityManager;

    SubmissionTotals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The offices with pending applications, in office order. */
    public List<PendingAtOffice> pendingByOffice(Instant escalateQueuedBefore) {
        return rows("""
                        SELECT office_code, count(*), count(*) FILTER (WHERE status = 'DELAYED'),
                               count(*) FILTER (WHERE queued_at < :escalate), min(queued_at)
                        FROM submission WHERE status IN (:pending)
                        GROUP BY office_code ORDER BY office_code""", Map.of("escalate", Timestamp.from(escalateQueuedBefore), "pending", PENDING)).stream()
                .map(row -> new PendingAtOffice(
                        office(row[0]), count(row[1]), count(row[2]), count(row[3]), instant(row[4])))
                .toList();
    }

    /** Every office's count in every status it has applications in. */
    public List<StatusAtOffice> byOfficeAndStatus() {
        return rows("""
                        SELECT office_code, status, count(*), min(received_at) FILTER (WHERE status IN (:pending))
                        FROM submission GROUP BY office_code, status""", Map.of("pending", PENDING)).stream()
                .map(row -> new StatusAtOffice(
                        office(row[0]), ApplicationStatus.valueOf((String) row[1]), count(row[2]), instant(row[3])))
                .toList();
    }

    /** The offices with applications central accepted since then. */
    public List<SubmittedAtOffice> submittedSince(Instant since) {
        return rows("""
                        SELECT office_code, count(*),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM submitted_at - received_at))
                        FROM submission WHERE submitted_at >= :since GROUP BY office_code""", Map.of("since", Timestamp.from(since))).stream()
                .map(row -> new SubmittedAtOffice(office(row[0]), count(row[1]), ((Number) row[2]).doubleValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** office_code is a CHAR column: blank-padded. */
    private static String office(Object value) {
        return ((String) value).trim();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** The driver hands a timestamptz back as whichever type Hibernate asked for; null stays null. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
