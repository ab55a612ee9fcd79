package id.ltsa.relay.submission.report;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.LinkStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the per-office report from the submission table with two grouped queries, whatever the table's size. */
@ApplicationScoped
public class OfficeReports {

    static final Duration MEDIAN_WINDOW = Duration.ofDays(7);
    private static final List<String> PENDING = Arrays.stream(ApplicationStatus.values())
            .filter(ApplicationStatus::isPending)
            .map(Enum::name)
            .toList();

    private final EntityManager entityManager;
    private final CentralLink link;
    private final Clock clock;

    OfficeReports(EntityManager entityManager, CentralLink link, Clock clock) {
        this.entityManager = entityManager;
        this.link = link;
        this.clock = clock;
    }

    private static final class OfficeRow {
        final Map<String, Long> counts = new LinkedHashMap<>();
        Instant oldestPending;
        Double medianSeconds;
        long submitted;

        OfficeRow() {
            Arrays.stream(ApplicationStatus.values()).forEach(status -> counts.put(status.name(), 0L));
        }
    }

    @Transactional
    public List<OfficeReport> offices() {
        Instant now = clock.instant();
        Map<String, OfficeRow> offices = new TreeMap<>();
        for (Object[] row : rows("""
                SELECT office_code, status, count(*),
                       min(received_at) FILTER (WHERE status IN (:pending))
                FROM submission GROUP BY office_code, status""", Map.of("pending", PENDING))) {
            OfficeRow office = offices.computeIfAbsent(((String) row[0]).trim(), code -> new OfficeRow());
            office.counts.put((String) row[1], ((Number) row[2]).longValue());
            Instant oldest = instant(row[3]);
            if (oldest != null && (office.oldestPending == null || oldest.isBefore(office.oldestPending))) {
                office.oldestPending = oldest;
            }
        }
        for (Object[] row : rows("""
                SELECT office_code, count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM submitted_at - received_at))
                FROM submission WHERE submitted_at >= :since GROUP BY office_code""", Map.of("since", Timestamp.from(now.minus(MEDIAN_WINDOW))))) {
            OfficeRow office = offices.computeIfAbsent(((String) row[0]).trim(), code -> new OfficeRow());
            office.submitted = ((Number) row[1]).longValue();
            office.medianSeconds = ((Number) row[2]).doubleValue();
        }
        LinkStatus linkStatus = link.current();
        return offices.entrySet().stream()
                .map(entry -> {
                    OfficeRow office = entry.getValue();
                    long pending = PENDING.stream()
                            .mapToLong(status -> office.counts.get(status))
                            .sum();
                    long oldestAge = office.oldestPending == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(office.oldestPending, now).toSeconds());
                    return new OfficeReport(
                            entry.getKey(),
                            office.counts,
                            pending,
                            oldestAge,
                            office.medianSeconds,
                            office.submitted,
                            linkStatus.state(),
                            linkStatus.since());
                })
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
