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
        due.forEach(id -> QuarkusTransaction.requiringNew().run(() -> send(id)));
    }

    private void send(UUID id) {
        Notification notification = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (notification == null || !Notification.PENDING.equals(notification.status)) {
            return;
        }
        Recipient recipient = Recipient.findById(notification.applicationId);
        if (recipient == null) {
            // the status arrived before the application it belongs to: wait for the contact details
            notification.nextAttemptAt = clock.instant().plusSeconds(2);
            return;
        }
        MessageRenderer.Rendered message = renderer.render(notification, recipient);
        notification.channel = recipient.channel;
        notification.language = recipient.language;
        notification.template = message.template();
        notification.attempts++;
        try {
            deliver(notification, recipient, message);
            notification.status = Notification.SENT;
            notification.sentAt = clock.instant();
            notification.lastError = null;
        } catch (RuntimeException e) {
            notification.lastError = e.getClass().getSimpleName();
            if (notification.attempts >= MAX_ATTEMPTS) {
                notification.status = Notification.FAILED;
            } else {
                notification.nextAttemptAt = clock.instant().plus(Duration.ofSeconds(1L << Math.min(notification.attempts, 8)));
            }
            LOG.warnf("Notification %s (%s) not delivered, attempt %d: %s", notification.id, notification.transition,
                    notification.attempts, notification.lastError);
        }
    }

    private void deliver(Notification notification, Recipient recipient, MessageRenderer.Rendered message) {
        if ("EMAIL".equals(recipient.channel)) {
            mailer.send(Mail.withText(recipient.email, message.subject(), message.text()));
            return;
        }
        try (Response response = gateway.send(notification.id.toString(),
                new GatewayClient.GatewayMessage(recipient.phone, recipient.channel, message.text()))) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("gateway answered " + response.getStatus());
            }
        }
    }
}
