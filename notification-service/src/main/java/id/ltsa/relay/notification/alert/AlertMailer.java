package id.ltsa.relay.notification.alert;

import id.ltsa.relay.drain.Backoff;
import id.ltsa.relay.notification.delivery.SmtpCheck;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Emails decided alerts (the SMS ones went to the modem when they were decided): claimed in one transaction, sent outside any, recorded in another, so an SMTP server that
 * hangs never holds a database transaction and an instance dying mid-send frees the claim after a minute.
 */
@ApplicationScoped
class AlertMailer {

    private static final Logger LOG = Logger.getLogger(AlertMailer.class);
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    private final Mailer mailer;
    private final SmtpCheck smtp;
    private final AlertConfig settings;
    private final Clock clock;

    AlertMailer(Mailer mailer, SmtpCheck smtp, AlertConfig settings, Clock clock) {
        this.mailer = mailer;
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${ltsa.alerts.check-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> LinkAlert.<LinkAlert>find(
                        "status = ?1 and nextAttemptAt <= ?2 order by createdAt", LinkAlert.PENDING, clock.instant())
                .page(0, 20)
                .list()
                .stream()
                .map(alert -> alert.id)
                .toList());
        for (UUID id : due) {
            Mail mail = QuarkusTransaction.requiringNew().call(() -> claim(id));
            if (mail == null) {
                continue;
            }
            if (!smtp.connects()) {
                // the office's internet, most likely: no attempt spent, so the email waits out an outage of weeks
                QuarkusTransaction.requiringNew().run(() -> unreachable(id));
                continue;
            }
            String failure = null;
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            String outcome = failure;
            QuarkusTransaction.requiringNew().run(() -> record(id, outcome));
        }
    }

    private Mail claim(UUID id) {
        LinkAlert alert = LinkAlert.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (alert == null || !LinkAlert.PENDING.equals(alert.status) || alert.nextAttemptAt.isAfter(clock.instant())) {
            return null;
        }
        alert.attempts++;
        alert.nextAttemptAt = clock.instant().plus(CLAIM);
        return Mail.withText(alert.recipient, alert.subject, alert.body);
    }

    private void unreachable(UUID id) {
        LinkAlert alert = LinkAlert.findById(id, LockModeType.PESSIMISTIC_WRITE);
        alert.attempts--;
        alert.lastError = "the SMTP relay does not answer";
        alert.nextAttemptAt = clock.instant().plus(BACKOFF.after(Math.max(1, alert.attempts)));
    }

    private void record(UUID id, String failure) {
        LinkAlert alert = LinkAlert.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (failure == null) {
            alert.status = LinkAlert.SENT;
            alert.sentAt = clock.instant();
            alert.lastError = null;
            return;
        }
        alert.lastError = failure;
        if (alert.attempts >= settings.maxAttempts()) {
            alert.status = LinkAlert.FAILED;
            LOG.errorf(
                    "Central link alert %s (%s) failed for good after %d attempts: %s",
                    alert.id, alert.kind, alert.attempts, failure);
        } else {
            alert.nextAttemptAt = clock.instant().plus(BACKOFF.after(alert.attempts));
            LOG.warnf(
                    "Central link alert %s (%s) not sent, attempt %d: %s",
                    alert.id, alert.kind, alert.attempts, failure);
        }
    }
}
