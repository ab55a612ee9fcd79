package id.ltsa.relay.notification.backlog;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The applications still waiting for the central API, as seen from the events this service consumes (each
 * application's newest status, kept in its {@link Recipient} row). Outage alerts quote it: asking submission-service
 * instead would mean one more thing that must work while things are broken.
 */
@ApplicationScoped
public class Backlog {

    /** Pending applications of one office and how long the oldest has waited. */
    public record OfficeBacklog(String officeCode, long pending, Duration oldestPendingAge) {}

    private final EntityManager entityManager;
    private final Clock clock;

    Backlog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Offices with pending applications, most waiting first. */
    public List<OfficeBacklog> byOffice() {
        Instant now = clock.instant();
        List<Object[]> rows = entityManager
                .createQuery("""
                select r.officeCode, count(r), min(r.receivedAt) from Recipient r
                where r.status in :pending
                group by r.officeCode order by count(r) desc, r.officeCode""", Object[].class)
                .setParameter("pending", ApplicationStatus.pending())
                .getResultList();
        return rows.stream()
                .map(row -> new OfficeBacklog((String) row[0], (Long) row[1], Duration.between((Instant) row[2], now)))
                .toList();
    }
}
