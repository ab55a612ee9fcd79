package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.drain.DrainLoop;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationDecided;
import id.ltsa.relay.notification.decision.NotificationStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Sends decided messages: claimed in one transaction (or handed to the office modem right there), sent outside any,
 * recorded in another. Messages of one application go out in lifecycle order.
 */
@ApplicationScoped
class NotificationSender {

    private final NotificationClaims claims;
    private final Channels channels;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;
    private final DrainLoop loop = new DrainLoop("notification-sender", this::sendDue);

    NotificationSender(NotificationClaims claims, Channels channels, DeliveryOutcomes outcomes, Clock clock) {
        this.claims = claims;
        this.channels = channels;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    void onDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationDecided decided) {
        loop.wake();
    }

    @Scheduled(
            every = "${ltsa.notification.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.wake();
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.close();
    }

    private void sendDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                        "status = ?1 and nextAttemptAt <= ?2 order by createdAt",
                        NotificationStatus.PENDING,
                        clock.instant())
                .page(0, 50)
                .list()
                .stream()
                .map(notification -> notification.id)
                .toList());
        for (UUID id : due) {
            Channels.Outgoing outgoing = claims.claim(id);
            if (outgoing != null) {
                // sent outside any transaction: a channel call never holds a database transaction open
                Channels.Result result = channels.deliver(outgoing);
                if (outcomes.record(outgoing, result)) {
                    loop.wake();
                }
            }
        }
    }
}
