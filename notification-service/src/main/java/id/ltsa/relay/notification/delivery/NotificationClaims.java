package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationDecided;
import id.ltsa.relay.notification.decision.NotificationStatus;
import id.ltsa.relay.notification.decision.Recipient;
import id.ltsa.relay.notification.modem.ModemConfig;
import id.ltsa.relay.notification.modem.ModemOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Timeouts;
import org.hibernate.jpa.SpecHints;

/**
 * Takes one message for sending, in one transaction (its own, or the one that decides it): renders it for the way it
 * goes, and either hands it to the office modem right there (gammu's outbox row and the MODEM status commit together)
 * or claims it for a while for a call made outside any transaction.
 */
@ApplicationScoped
class NotificationClaims {

    /** Longer than a channel call can take; frees the message for a retry if this instance dies mid-send. */
    private static final Duration CLAIM = Duration.ofSeconds(60);
    /**
     * The longest one channel call takes: the gateway's connect and read timeouts (3 and 10 s), or SMTP's check and its
     * 15 s. A claim with less than this left is not used for a call (see {@link #release}).
     */
    static final Duration CALL_AT_MOST = Duration.ofSeconds(20);
    /** How soon to look again at a message waiting for contact details or for an earlier message. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    /**
     * A message not yet out: an application's later messages wait for these. The queries spell them out as literals:
     * Hibernate caches no translation of a query with a list parameter, and would redo it on every call.
     */
    private static final List<NotificationStatus> WAITING =
            List.of(NotificationStatus.PENDING, NotificationStatus.MODEM);

    private final ChannelRoutes routes;
    private final MessageRenderer renderer;
    private final ModemOutbox modem;
    private final Clock clock;
    private final Duration modemPatience;

    NotificationClaims(
            ChannelRoutes routes, MessageRenderer renderer, ModemOutbox modem, ModemConfig settings, Clock clock) {
        this.routes = routes;
        this.renderer = renderer;
        this.modem = modem;
        this.modemPatience = settings.patience();
        this.clock = clock;
    }

    /**
     * What one look for due messages claimed.
     *
     * @param claimed what to send over the internet now, in the order found (handed to the modem or left waiting are
     *     not in it)
     * @param full the look found as many due messages as it could take: more may be due
     * @param nextDue when nothing was due, when the earliest waiting message will be ({@link Instant#MAX} if none
     *     waits); null otherwise
     */
    record DuePage(List<Channels.Outgoing> claimed, boolean full, Instant nextDue) {}

    /**
     * Looks for due messages and claims up to {@code limit} of them, in one transaction: the due rows locked (those
     * another transaction holds are skipped, never waited for), then their applications' locks (the recipient rows, in
     * key order), then their waiting messages read, in one query each. A message at a time, this was a transaction and
     * four statements more per message, and a look finds many at once under load or after an outage (the performance
     * issue).
     *
     * <p>The messages are read after the applications' locks: a decision holding one has committed by then, and its
     * message is among them. A RECEIVED decided late (an amendment's, its topic behind the status topic) is earlier
     * than a message found due here, which must not overtake it. The message rows are locked before the recipient, as
     * an erasure locks them, so the two cannot deadlock; a decision locks only the recipient.
     *
     * @param ahead also take what is due within the next second (see {@link #WAIT}): asked after a delivery with other
     *     messages of its application waiting, which may have been put off by that second because that one was not
     *     out yet (or their contact details had not come), and would otherwise wait for the next poll
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    DuePage claimDue(int limit, boolean ahead) {
        Instant now = clock.instant();
        Instant dueBy = ahead ? now.plus(WAIT) : now;
        List<Notification> due = Notification.<Notification>find(
                        "status = ?1 and nextAttemptAt <= ?2 order by createdAt", NotificationStatus.PENDING, dueBy)
                .page(0, limit)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI)
                .list();
        if (due.isEmpty()) {
            return new DuePage(List.of(), false, Notification.earliestPending().orElse(Instant.MAX));
        }
        List<UUID> applications =
                due.stream().map(message -> message.applicationId).distinct().toList();
        Map<UUID, Recipient> recipients = Recipient.<Recipient>find(
                        "applicationId in ?1 order by applicationId", applications)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .stream()
                .collect(Collectors.toMap(recipient -> recipient.applicationId, recipient -> recipient));
        Map<UUID, List<Notification>> waiting =
                Notification.<Notification>list("applicationId in ?1 and status in (PENDING, MODEM)", applications)
                        .stream()
                        .collect(Collectors.groupingBy(message -> message.applicationId));
        List<Channels.Outgoing> claimed = new ArrayList<>();
        for (Notification notification : due) {
            // due when read, locked since; whatever an earlier claim of this page changed, it sees
            Channels.Outgoing outgoing = claim(
                    notification,
                    waiting.getOrDefault(notification.applicationId, List.of()).stream()
                            .filter(other -> other != notification)
                            .toList(),
                    recipients.get(notification.applicationId));
            if (outgoing != null) {
                claimed.add(outgoing);
            }
        }
        return new DuePage(claimed, due.size() == limit, null);
    }

    /**
     * Lets go of claims no call was made under: the messages are due at once again, their attempts as before and still
     * free to go by the modem. For what was claimed but waited too long behind other calls (its claim could run out
     * mid-call, and another instance take the message and call too), for what waits for an upstream found silent since
     * it was claimed, and for what is still waiting when the service stops. A claim that ran out and was taken again
     * meanwhile is left alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void release(List<Channels.Outgoing> unsent) {
        Instant now = clock.instant();
        unsent.forEach(outgoing -> Notification.releaseClaim(outgoing.notificationId(), outgoing.attempt(), now));
    }

    /**
     * Claims a message in the transaction that decides it. No other sender can see it before that commits, so it needs
     * no lock, and the application's other messages are the ones the decision read.
     *
     * <p>One that must wait for an earlier message is left due at once: the earlier one's outcome may be being recorded
     * right now (a recording takes no lock but its message's row), and the look for due messages that this decision
     * asks for once it commits runs on the sender's thread, after the outcome it may be recording, so it finds the
     * earlier message out and this one due (a recording by another instance says another message waits, and its
     * sender looks at once too).
     */
    Channels.Outgoing claimDecided(NotificationDecided decided) {
        Notification notification = decided.notification();
        if (earlierOneWaits(notification, decided.others())) {
            notification.nextAttemptAt = clock.instant();
            return null;
        }
        return claim(notification, decided.others(), decided.recipient());
    }

    private Channels.Outgoing claim(Notification notification, List<Notification> others, Recipient recipient) {
        UUID id = notification.id;
        if (recipient == null || !recipient.contactKnown() || earlierOneWaits(notification, others)) {
            // the status arrived before the contact details, or an earlier message must reach the applicant first
            notification.nextAttemptAt = clock.instant().plus(WAIT);
            return null;
        }
        ChannelRoutes.Route route = routes.choose(notification, recipient);
        if (route instanceof ChannelRoutes.Wait wait) {
            notification.nextAttemptAt = wait.until();
            return null;
        }
        DeliveryChannel channel = route instanceof ChannelRoutes.Send send ? send.channel() : DeliveryChannel.LOCAL_SMS;
        MessageRenderer.Rendered message = renderer.render(new MessageRenderer.Request(
                notification.transition,
                recipient.language,
                channel,
                recipient.fullName,
                recipient.trackingCode,
                notification.reason));
        notification.channel = channel;
        notification.language = recipient.language;
        notification.template = message.template();
        if (route instanceof ChannelRoutes.Modem) {
            // attempts count calls over the internet; the modem's failures are counted apart (modem_failures)
            notification.modemMessageId = modem.queue(recipient.phone, message.text());
            notification.status = NotificationStatus.MODEM;
            notification.lastError = null;
            // if gammu has not taken it by then, ModemReceipts takes it back
            notification.nextAttemptAt = clock.instant().plus(modemPatience);
            return null;
        }
        notification.attempts++;
        if (notification.callInFlight) {
            // an earlier call's outcome was never recorded (its sender died, or it outlived its claim): it may have
            // arrived, so this message stays off the modem for good
            notification.gatewayMaybeDelivered = true;
        }
        // committed before the call: should this sender die mid-call, the message can never go by the modem
        notification.callInFlight = true;
        notification.nextAttemptAt = clock.instant().plus(CLAIM);
        return new Channels.Outgoing(
                id,
                notification.applicationId,
                channel,
                recipient.phone,
                recipient.email,
                message,
                notification.traceparent,
                notification.attempts,
                notification.nextAttemptAt);
    }

    /** An earlier message of the same application not yet out (waiting, or still at the modem) goes first. */
    private static boolean earlierOneWaits(Notification notification, List<Notification> others) {
        return others.stream()
                .anyMatch(other -> WAITING.contains(other.status)
                        && !other.id.equals(notification.id)
                        && notification.position().isAfter(other.position()));
    }
}
