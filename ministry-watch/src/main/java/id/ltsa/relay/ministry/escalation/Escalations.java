package id.ltsa.relay.ministry.escalation;

import id.ltsa.relay.contracts.OfficeState;
import id.ltsa.relay.ministry.registry.FleetConfig;
import id.ltsa.relay.ministry.registry.Office;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An office SILENT or LINK_DOWN past {@code ltsa.fleet.escalate-after} (4 h) emails each of the ministry's duty
 * contacts, once per episode: decided as rows (unique per office, episode and contact) before anything is sent, sent
 * outside any transaction, retried with a growing wait. The ministry side has its internet, so email is enough here.
 */
@ApplicationScoped
class Escalations {

    private static final Logger LOG = Logger.getLogger(Escalations.class);
    private static final Duration CLAIM = Duration.ofSeconds(60);

    private final FleetConfig settings;
    private final EntityManager entityManager;
    private final Mailer mailer;
    private final Clock clock;

    Escalations(FleetConfig settings, EntityManager entityManager, Mailer mailer, Clock clock) {
        this.settings = settings;
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(every = "${ltsa.fleet.check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalate() {
        QuarkusTransaction.requiringNew().run(this::decide);
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> Escalation.<Escalation>find(
                                "status = ?1 and nextAttemptAt <= ?2", Escalation.PENDING, clock.instant())
                        .list()
                        .stream()
                        .map(escalation -> escalation.id)
                        .toList());
        due.forEach(this::send);
    }

    private void decide() {
        Instant now = clock.instant();
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz").withZone(settings.zone());
        List<Office> tooLong = Office.<Office>list(
                "state in ?1 and stateSince <= ?2",
                List.of(OfficeState.SILENT.name(), OfficeState.LINK_DOWN.name()),
                now.minus(settings.escalateAfter()));
        for (Office office : tooLong) {
            for (String contact : settings.dutyContacts().orElse(List.of())) {
                String what = OfficeState.SILENT.name().equals(office.state)
                        ? "tidak terdengar / silent"
                        : "terputus dari pusat / cut off from the central API";
                String subject = "[LTSA Relay] Kantor " + office.code + " " + what + " sejak / since "
                        + time.format(office.stateSince);
                String body = ("Kantor %s (%s) %s sejak %s.%nTerakhir terdengar: %s.%n%n"
                                + "Office %s (%s) has been %s since %s. Last heard from: %s.%n"
                                + "A silent office is most often cut off from the internet: call it, and check its internet"
                                + " connection and its bill.")
                        .formatted(
                                office.code,
                                office.name == null ? "-" : office.name,
                                what,
                                time.format(office.stateSince),
                                office.lastSeenAt == null ? "-" : time.format(office.lastSeenAt),
                                office.code,
                                office.name == null ? "-" : office.name,
                                office.state,
                                time.format(office.stateSince),
                                office.lastSeenAt == null ? "never" : time.format(office.lastSeenAt));
                entityManager
                        .createNativeQuery("""
                        INSERT INTO escalation (id, office_code, state, episode_since, recipient, subject, body,
                            status, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, ?8)
                        ON CONFLICT (office_code, episode_since, recipient) DO NOTHING""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, office.code)
                        .setParameter(3, office.state)
                        .setParameter(4, office.stateSince)
                        .setParameter(5, contact)
                        .setParameter(6, subject)
                        .setParameter(7, body)
                        .setParameter(8, now)
                        .executeUpdate();
            }
        }
    }

    private void send(UUID id) {
        Mail mail = QuarkusTransaction.requiringNew().call(() -> {
            Escalation escalation = Escalation.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (escalation == null
                    || !Escalation.PENDING.equals(escalation.status)
                    || escalation.nextAttemptAt.isAfter(clock.instant())) {
                return null;
            }
            escalation.attempts++;
            escalation.nextAttemptAt = clock.instant().plus(CLAIM);
            return Mail.withText(escalation.recipient, escalation.subject, escalation.body);
        });
        if (mail == null) {
            return;
        }
        boolean sent;
        try {
            mailer.send(mail);
            sent = true;
        } catch (RuntimeException e) {
            sent = false;
            LOG.warnf("Escalation email %s not sent: %s", id, e.getClass().getSimpleName());
        }
        boolean delivered = sent;
        QuarkusTransaction.requiringNew().run(() -> {
            Escalation escalation = Escalation.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (delivered) {
                escalation.status = Escalation.SENT;
                escalation.sentAt = clock.instant();
            } else {
                escalation.nextAttemptAt =
                        clock.instant().plus(Duration.ofSeconds(Math.min(600, 5L << Math.min(escalation.attempts, 7))));
            }
        });
    }
}
