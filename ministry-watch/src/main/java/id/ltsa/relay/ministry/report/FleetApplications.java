package id.ltsa.relay.ministry.report;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.LifecyclePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one writer and reader of fleet_application: every office's applications as their status events reach the
 * ministry, and the per-office report computed from them. An event older than what is known (late, or replayed)
 * never moves an application back; an application's arrival is its first status (QUEUED, as submission-service takes
 * it in).
 */
@ApplicationScoped
public class FleetApplications {

    /** The report of one office: no personal data, only counts and times. */
    public record Report(
            Map<String, Long> countsByStatus,
            long pending,

            @Schema(nullable = true, description = "null with nothing pending")
            Long oldestPendingAgeSeconds,

            @Schema(nullable = true, description = "null when none was submitted in 7 days")
            Long medianSecondsToSubmitLast7Days,

            List<Day> applicationsPerDay) {}

    /** Applications that reached the office on one day (in the ministry's zone). */
    public record Day(String day, long applications) {}

    private static final List<String> PENDING = List.of("RECEIVED", "QUEUED", "DELAYED");

    private final EntityManager entityManager;
    private final Clock clock;

    FleetApplications(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Call inside the transaction that records the event as processed. */
    public void apply(String officeCode, ApplicationStatusChanged event) {
        int inserted = entityManager
                .createNativeQuery("""
                INSERT INTO fleet_application (application_id, office_code, status, revision, received_at,
                    submitted_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5) ON CONFLICT (application_id) DO NOTHING""")
                .setParameter(1, event.applicationId())
                .setParameter(2, officeCode)
                .setParameter(3, event.status().name())
                .setParameter(4, event.revision())
                .setParameter(5, event.occurredAt())
                .setParameter(6, event.status() == ApplicationStatus.SUBMITTED ? event.occurredAt() : null)
                .executeUpdate();
        if (inserted == 1) {
            return;
        }
        Object[] known = (Object[]) entityManager
                .createNativeQuery("""
                SELECT status, revision, received_at FROM fleet_application WHERE application_id = ?1 FOR UPDATE""")
                .setParameter(1, event.applicationId())
                .getSingleResult();
        LifecyclePosition current =
                new LifecyclePosition(((Number) known[1]).intValue(), ApplicationStatus.valueOf((String) known[0]));
        Instant receivedAt = instant(known[2]);
        Instant earliest = event.occurredAt().isBefore(receivedAt) ? event.occurredAt() : receivedAt;
        boolean newer = new LifecyclePosition(event.revision(), event.status()).isAfter(current);
        entityManager
                .createNativeQuery("""
                UPDATE fleet_application SET received_at = ?2,
                    status = CASE WHEN ?3 THEN ?4 ELSE status END,
                    revision = CASE WHEN ?3 THEN ?5 ELSE revision END,
                    submitted_at = CASE WHEN ?3 AND ?4 = 'SUBMITTED' THEN ?6 ELSE submitted_at END,
                    updated_at = CASE WHEN ?3 THEN ?6 ELSE updated_at END
                WHERE application_id = ?1""")
                .setParameter(1, event.applicationId())
                .setParameter(2, earliest)
                .setParameter(3, newer)
                .setParameter(4, event.status().name())
                .setParameter(5, event.revision())
                .setParameter(6, event.occurredAt())
                .executeUpdate();
    }

    /** The office's applications not yet handed to the central API. */
    public long pending(String officeCode) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "SELECT count(*) FROM fleet_application WHERE office_code = ?1 AND status IN (?2)")
                        .setParameter(1, officeCode)
                        .setParameter(2, PENDING)
                        .getSingleResult())
                .longValue();
    }

    public Report report(String officeCode, java.time.ZoneId zone) {
        Instant now = clock.instant();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ApplicationStatus status : ApplicationStatus.values()) {
            counts.put(status.name(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> byStatus = entityManager
                .createNativeQuery(
                        "SELECT status, count(*) FROM fleet_application WHERE office_code = ?1 GROUP BY status")
                .setParameter(1, officeCode)
                .getResultList();
        byStatus.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        Object oldest = entityManager
                .createNativeQuery(
                        "SELECT min(received_at) FROM fleet_application WHERE office_code = ?1 AND status IN (?2)")
                .setParameter(1, officeCode)
                .setParameter(2, PENDING)
                .getSingleResult();
        Object median = entityManager
                .createNativeQuery("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM submitted_at - received_at))
                FROM fleet_application WHERE office_code = ?1 AND submitted_at >= ?2""")
                .setParameter(1, officeCode)
                .setParameter(2, now.minus(Duration.ofDays(7)))
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> days = entityManager
                .createNativeQuery("""
                SELECT to_char(received_at AT TIME ZONE ?3, 'YYYY-MM-DD') AS day, count(*)
                FROM fleet_application WHERE office_code = ?1 AND received_at >= ?2
                GROUP BY day ORDER BY day""")
                .setParameter(1, officeCode)
                .setParameter(2, now.minus(Duration.ofDays(14)))
                .setParameter(3, zone.getId())
                .getResultList();
        List<Day> perDay = new ArrayList<>();
        days.forEach(row -> perDay.add(new Day((String) row[0], ((Number) row[1]).longValue())));
        long pending = counts.entrySet().stream()
                .filter(e -> PENDING.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return new Report(
                counts,
                pending,
                oldest == null
                        ? null
                        : Math.max(0, Duration.between(instant(oldest), now).toSeconds()),
                median == null ? null : Math.round(((Number) median).doubleValue()),
                perDay);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
