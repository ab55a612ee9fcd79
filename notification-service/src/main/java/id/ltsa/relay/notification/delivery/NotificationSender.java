package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.drain.Backoff;
import id.ltsa.relay.drain.DrainLoop;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationDecided;
import id.ltsa.relay.notification.decision.Recipient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends decided messages and records the result: claimed in one transaction, sent outside any, recorded in another.
 * Messages of one application go out in lifecycle order. A permanent WhatsApp failure (no WhatsApp account) falls
 * back to SMS; other failures are retried with backoff until the configured attempts are spent.
 */
@ApplicationScoped
class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    /** Longer than a channel call can take; frees the message for a retry if this instance dies mid-send. */
    private static final Duration CLAIM = Duration.ofSeconds(60);
    /** How soon to look again at a message waiting for contact details or for an earlier message. */
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Channels channels;
    private final MessageRenderer renderer;
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final DrainLoop loop = new DrainLoop("notification-sender", this::sendDue);

    NotificationSender(Channels channels, MessageRenderer renderer, DeliverySettings settings, MeterRegistry metrics,
            Clock clock) {
        this.channels = channels;
        this.renderer = renderer;
        this.settings = settings;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap());
        this.metrics = metrics;
        this.clock = clock;
    }

    void onDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationDecided decided) {
        loop.wake();
    }

    @Scheduled(every = "${ltsa.notification.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.wake();
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.close();
    }

    private void sendDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Notification
                .<Notification>find("status = ?1 and nextAttemptAt <= ?2 order by createdAt", Notification.PENDING,
                        clock.instant())
                .page(0, 50).list().stream().map(notification -> notification.id).toList());
        for (UUID id : due) {
            Channels.Outgoing outgoing = QuarkusTransaction.requiringNew().call(() -> claim(id));
            if (outgoing != null) {
                // sent outside any transaction: a channel call never holds a database transaction open
                Channels.Result result = channels.deliver(outgoing);
                QuarkusTransaction.requiringNew().run(() -> record(id, outgoing.channel(), result));
            }
        }
    }

    /** What to send, claimed for a while so another instance does not send it too; null when nothing to send now. */
    private Channels.Outgoing claim(UUID id) {
        Notification notification = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (notification == null || !Notification.PENDING.equals(notification.status)
                || notification.nextAttemptAt.isAfter(clock.instant())) {
            return null;
        }
        Recipient recipient = Recipient.findById(notification.applicationId);
        if (recipient == null || earlierOneWaits(notification)) {
            // the status arrived before the contact details, or an earlier message must reach the applicant first
            notification.nextAttemptAt = clock.instant().plus(WAIT);
            return null;
        }
        String channel = notification.channel == null ? recipient.channel : notification.channel;
        MessageRenderer.Rendered message = renderer.render(new MessageRenderer.Request(notification.transition,
                recipient.language, channel, recipient.fullName, recipient.trackingCode, notification.reason));
        notification.channel = channel;
        notification.language = recipient.language;
        notification.template = message.template();
        notification.attempts++;
        notification.nextAttemptAt = clock.instant().plus(CLAIM);
        return new Channels.Outgoing(id, channel, recipient.phone, recipient.email, message, notification.traceparent);
    }

    private static boolean earlierOneWaits(Notification notification) {
        return Notification.<Notification>list("applicationId = ?1 and status = ?2 and id <> ?3",
                notification.applicationId, Notification.PENDING, notification.id).stream()
                .anyMatch(other -> notification.position().isAfter(other.position()));
    }

    private void record(UUID id, String channel, Channels.Result result) {
        Notification notification = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (result.delivered()) {
            notification.status = Notification.SENT;
            notification.sentAt = clock.instant();
            notification.lastError = null;
            count(channel, "sent");
            return;
        }
        notification.lastError = result.failure();
        if (result.permanent() && "WHATSAPP".equals(channel)) {
            // no WhatsApp on this number: the applicant still has a phone, so tell them by SMS, now
            notification.channel = "SMS";
            notification.nextAttemptAt = clock.instant();
            count(channel, "fell_back_to_sms");
            LOG.infof("Notification %s (%s): WhatsApp refused (%s), falling back to SMS", notification.id,
                    notification.transition, result.failure());
            loop.wake();
            return;
        }
        if (result.permanent() || notification.attempts >= settings.maxAttempts()) {
            notification.status = Notification.FAILED;
            count(channel, "failed");
            LOG.errorf("Notification %s (%s) FAILED on %s after %d attempts: %s", notification.id,
                    notification.transition, channel, notification.attempts, result.failure());
            return;
        }
        notification.nextAttemptAt = clock.instant().plus(backoff.after(notification.attempts));
        count(channel, "retried");
        LOG.warnf("Notification %s (%s) not delivered on %s, attempt %d: %s", notification.id,
                notification.transition, channel, notification.attempts, result.failure());
    }

    private void count(String channel, String outcome) {
        metrics.counter("ltsa.notification.outcomes", "channel", channel, "outcome", outcome).increment();
    }
}
