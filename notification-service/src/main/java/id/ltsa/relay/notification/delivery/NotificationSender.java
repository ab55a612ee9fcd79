package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.drain.DrainLoop;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationDecided;
import id.ltsa.relay.notification.decision.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Sends decided messages on the applicant's channel and records the result. */
@ApplicationScoped
class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final int MAX_ATTEMPTS = 10;
    /** Longer than a channel call can take; frees the message for a retry if this instance dies mid-send. */
    private static final Duration CLAIM = Duration.ofSeconds(60);

    private final GatewayClient gateway;
    private final Mailer mailer;
    private final MessageRenderer renderer;
    private final Clock clock;
    private final DrainLoop loop = new DrainLoop("notification-sender", this::sendDue);

    NotificationSender(@RestClient GatewayClient gateway, Mailer mailer, MessageRenderer renderer, Clock clock) {
        this.gateway = gateway;
        this.mailer = mailer;
        this.renderer = renderer;
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
            Outgoing outgoing = QuarkusTransaction.requiringNew().call(() -> claim(id));
            if (outgoing == null) {
                continue;
            }
            // sent outside any transaction: a channel call never holds a database transaction open
            String failure = deliver(outgoing);
            QuarkusTransaction.requiringNew().run(() -> record(id, failure));
        }
    }

    /** What to send, claimed for a while so another instance does not send it too; null when nothing to send now. */
    private record Outgoing(UUID id, String channel, String phone, String email, MessageRenderer.Rendered message) {
    }

    private Outgoing claim(UUID id) {
        Notification notification = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (notification == null || !Notification.PENDING.equals(notification.status)
                || notification.nextAttemptAt.isAfter(clock.instant())) {
            return null;
        }
        Recipient recipient = Recipient.findById(notification.applicationId);
        if (recipient == null) {
            // the status arrived before the application it belongs to: wait for the contact details
            notification.nextAttemptAt = clock.instant().plusSeconds(2);
            return null;
        }
        MessageRenderer.Rendered message = renderer.render(notification, recipient);
        notification.channel = recipient.channel;
        notification.language = recipient.language;
        notification.template = message.template();
        notification.attempts++;
        notification.nextAttemptAt = clock.instant().plus(CLAIM);
        return new Outgoing(id, recipient.channel, recipient.phone, recipient.email, message);
    }

    /** @return null when delivered, otherwise what went wrong */
    private String deliver(Outgoing outgoing) {
        try {
            if ("EMAIL".equals(outgoing.channel())) {
                mailer.send(Mail.withText(outgoing.email(), outgoing.message().subject(), outgoing.message().text()));
                return null;
            }
            // the notification id is the gateway's idempotency key: a resend after a crash is not a second message
            try (Response response = gateway.send(outgoing.id().toString(), new GatewayClient.GatewayMessage(
                    outgoing.phone(), outgoing.channel(), outgoing.message().text()))) {
                return response.getStatus() < 300 ? null : "gateway answered " + response.getStatus();
            }
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private void record(UUID id, String failure) {
        Notification notification = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (failure == null) {
            notification.status = Notification.SENT;
            notification.sentAt = clock.instant();
            notification.lastError = null;
            return;
        }
        notification.lastError = failure;
        if (notification.attempts >= MAX_ATTEMPTS) {
            notification.status = Notification.FAILED;
        } else {
            notification.nextAttemptAt = clock.instant()
                    .plus(Duration.ofSeconds(1L << Math.min(notification.attempts, 8)));
        }
        LOG.warnf("Notification %s (%s) not delivered, attempt %d: %s", notification.id, notification.transition,
                notification.attempts, failure);
    }
}
