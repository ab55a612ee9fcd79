package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.drain.Backoff;
import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationStatus;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Records what a call to a channel came to. A permanent WhatsApp refusal (no WhatsApp account) falls back to SMS; a
 * call that never left the office marks its upstream silent and costs no attempt (an outage of weeks must not use up
 * a message's attempts), so the message is routed again at once (urgent ones to the modem); other failures are
 * retried with backoff until the configured attempts are spent.
 */
@ApplicationScoped
class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private final DeliveryConfig settings;
    private final Backoff backoff;
    private final UpstreamReachability upstream;
    private final MeterRegistry metrics;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    DeliveryOutcomes(
            DeliveryConfig settings,
            UpstreamReachability upstream,
            MeterRegistry metrics,
            AgroalDataSource dataSource,
            Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap());
        this.upstream = upstream;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What recording an outcome leaves the sender to do. */
    enum Recorded {
        /** Nothing more. */
        DONE,
        /** Look for due messages at once: this one is to be routed again (a fallback or a new route). */
        LOOK_AGAIN,
        /**
         * Look for due messages at once, and a second ahead: the message was delivered, and another of its application
         * waits for it (put off by a second when it found this one not yet out).
         */
        OTHERS_WAIT
    }

    /** Outside any transaction: a delivery is one statement committed on its own; other outcomes a transaction. */
    Recorded record(Channels.Outgoing call, Channels.Result result) {
        if (result.outcome() != Channels.Outcome.DELIVERED) {
            return QuarkusTransaction.requiringNew().call(() -> recordFailure(call, result));
        }
        Notification.SentRecord sent = recordSent(call);
        if (sent == Notification.SentRecord.NOT_RECORDED) {
            return outlivedItsClaim(call, result);
        }
        upstream.answered(Upstream.of(call.channel()));
        count(call.channel(), "sent");
        return sent == Notification.SentRecord.RECORDED_OTHERS_WAIT ? Recorded.OTHERS_WAIT : Recorded.DONE;
    }

    private Notification.SentRecord recordSent(Channels.Outgoing call) {
        try (Connection connection = dataSource.getConnection()) {
            return Notification.recordSent(
                    connection, call.notificationId(), call.applicationId(), call.attempt(), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not record notification " + call.notificationId() + " as sent", e);
        }
    }

    /** The claim ran out before this call returned and another attempt took the message: its outcome stands. */
    private static Recorded outlivedItsClaim(Channels.Outgoing call, Channels.Result result) {
        LOG.warnf(
                "Notification %s: the outcome of a call that outlived its claim is ignored (%s)",
                call.notificationId(), result.outcome());
        return Recorded.DONE;
    }

    private Recorded recordFailure(Channels.Outgoing call, Channels.Result result) {
        Notification notification = Notification.findById(call.notificationId(), LockModeType.PESSIMISTIC_WRITE);
        if (notification == null
                || notification.status != NotificationStatus.PENDING
                || notification.attempts != call.attempt()) {
            return outlivedItsClaim(call, result);
        }
        notification.callInFlight = false;
        DeliveryChannel channel = call.channel();
        Upstream way = Upstream.of(channel);
        switch (result.outcome()) {
            case NEVER_ARRIVED -> {
                upstream.silent(way);
                notification.attempts--;
                notification.lastError = result.failure();
                notification.nextAttemptAt = clock.instant();
                count(channel, "unreachable");
                LOG.warnf(
                        "Notification %s (%s): %s is silent (%s); routed again",
                        notification.id, notification.transition, way, result.failure());
                return Recorded.LOOK_AGAIN;
            }
            case PERMANENT -> {
                upstream.answered(way);
                notification.lastError = result.failure();
                // an earlier attempt may have reached WhatsApp: an SMS now could be a second message
                if (channel == DeliveryChannel.WHATSAPP && !notification.gatewayMaybeDelivered) {
                    // no WhatsApp on this number: the applicant still has a phone, so tell them by SMS, now
                    notification.channel = DeliveryChannel.SMS;
                    notification.nextAttemptAt = clock.instant();
                    count(channel, "fell_back_to_sms");
                    LOG.infof(
                            "Notification %s (%s): WhatsApp refused (%s), falling back to SMS",
                            notification.id, notification.transition, result.failure());
                    return Recorded.LOOK_AGAIN;
                }
                fail(notification, channel, result);
                return Recorded.DONE;
            }
            default -> {
                if (result.outcome() == Channels.Outcome.MAYBE_ARRIVED) {
                    notification.gatewayMaybeDelivered = true;
                } else {
                    upstream.answered(way);
                }
                notification.lastError = result.failure();
                if (notification.attempts >= settings.maxAttempts()) {
                    fail(notification, channel, result);
                    return Recorded.DONE;
                }
                notification.nextAttemptAt = clock.instant().plus(backoff.after(notification.attempts));
                count(channel, "retried");
                LOG.warnf(
                        "Notification %s (%s) not delivered on %s, attempt %d: %s",
                        notification.id, notification.transition, channel, notification.attempts, result.failure());
                return Recorded.DONE;
            }
        }
    }

    private void fail(Notification notification, DeliveryChannel channel, Channels.Result result) {
        notification.status = NotificationStatus.FAILED;
        count(channel, "failed");
        LOG.errorf(
                "Notification %s (%s) FAILED on %s after %d attempts: %s",
                notification.id, notification.transition, channel, notification.attempts, result.failure());
    }

    void count(DeliveryChannel channel, String outcome) {
        metrics.counter("ltsa.notification.outcomes", "channel", channel.name(), "outcome", outcome)
                .increment();
    }
}
