package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.drain.DrainLoop;
import id.ltsa.relay.notification.decision.NotificationDecided;
import id.ltsa.relay.notification.decision.NotificationsRequeued;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends decided messages: claimed (or handed to the office modem) in a transaction, sent outside any, recorded in
 * another. Messages of one application go out in lifecycle order.
 *
 * <p>A message is claimed in the transaction that decides it and sent once that commits; one that waited for an earlier
 * message of its application is claimed in the transaction that records that one as sent. Claimed on its own, after a
 * query for due messages, a message cost two more transactions and four more statements (the performance issue).
 * Messages that wait for anything else (contact details, an upstream, a backoff), retries and fallbacks are found by
 * the look for due messages, at most each poll interval, which claims what it finds a page at a time in one
 * transaction.
 */
@ApplicationScoped
class NotificationSender {

    /**
     * Claimed messages waiting to be sent, at most about this many. Each is marked as possibly at the gateway from its
     * claim on, so should the service die before sending it, it may not go by the modem: the fewer, the better. (A
     * clean stop lets go of them, and so does the sender of one whose upstream was found silent meanwhile or that
     * waited so long its claim could run out mid-call.)
     */
    private static final int READY_AT_MOST = 8;

    /**
     * How often the poll looks for due messages even when the last look said none could be due yet: for messages made
     * due by another instance, which wakes this one by no event.
     */
    private static final Duration LOOK_AT_LEAST_EVERY = Duration.ofSeconds(10);

    /** What a decision's transaction hands the sender once it commits: the message claimed, or null. */
    record HandOver(Channels.Outgoing claimed) {}

    private final NotificationClaims claims;
    private final Channels channels;
    private final DeliveryOutcomes outcomes;
    private final UpstreamReachability upstream;
    private final Event<HandOver> handOver;
    private final Clock clock;
    private final Queue<Channels.Outgoing> ready = new ConcurrentLinkedQueue<>();
    /**
     * Claimed by decisions whose transaction has not ended yet: counted with {@link #ready}, since the inbox decides a
     * whole poll's messages in one transaction and none of them reaches {@code ready} before it commits.
     */
    private final AtomicInteger claimedNotCommitted = new AtomicInteger();

    private final AtomicBoolean lookForDue = new AtomicBoolean(true);
    /** The next look also takes what is due within a second: a delivered message had others of its application waiting. */
    private final AtomicBoolean lookAhead = new AtomicBoolean();
    /** Set as the service stops: no more calls are started, and what is claimed is let go. */
    private volatile boolean stopping;
    /**
     * When the earliest message waiting for its time (a retry's backoff, a wait for an earlier message or for contact
     * details, a claim running out) is due, as the last look found it; {@link Instant#MAX} when none waits, null when
     * not known. Until then the poll does not look: an idle office asked its database every second for messages that
     * could not be due yet (the performance issue: idle). Whatever makes a message due sooner without a look (a send's
     * outcome) forgets it; a decision, a fallback and a message back from the modem ask for a look themselves.
     */
    private volatile Instant nextDue;

    private volatile Instant lastLook = Instant.MIN;
    private final DrainLoop loop = new DrainLoop("notification-sender", this::sendDue);

    NotificationSender(
            NotificationClaims claims,
            Channels channels,
            DeliveryOutcomes outcomes,
            UpstreamReachability upstream,
            Event<HandOver> handOver,
            Clock clock) {
        this.claims = claims;
        this.channels = channels;
        this.outcomes = outcomes;
        this.upstream = upstream;
        this.handOver = handOver;
        this.clock = clock;
    }

    /** In the deciding transaction: the message is claimed with it, unless many claimed ones still wait. */
    void onDecided(@Observes NotificationDecided decided) {
        if (stopping || ready.size() + claimedNotCommitted.get() >= READY_AT_MOST) {
            handOver.fire(new HandOver(null));
            return;
        }
        Channels.Outgoing claimed = claims.claimDecided(decided);
        if (claimed != null) {
            claimedNotCommitted.incrementAndGet();
        }
        handOver.fire(new HandOver(claimed));
    }

    void onCompleted(@Observes(during = TransactionPhase.AFTER_COMPLETION) HandOver handed) {
        if (handed.claimed() != null) {
            claimedNotCommitted.decrementAndGet();
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandOver handed) {
        if (handed.claimed() != null) {
            ready.add(handed.claimed());
        } else {
            lookForDue.set(true);
        }
        loop.wake();
    }

    @Scheduled(
            every = "${ltsa.notification.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        Instant now = clock.instant();
        Instant due = nextDue;
        if (ready.isEmpty() && due != null && now.isBefore(due) && now.isBefore(lastLook.plus(LOOK_AT_LEAST_EVERY))) {
            return; // nothing can be due before then, and nothing claimed waits (a round that failed leaves some)
        }
        lookForDue.set(true);
        loop.wake();
    }

    /** Messages made due again outside a decision (the modem gave them back): looked for at once. */
    void onRequeued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsRequeued requeued) {
        lookForDue.set(true);
        loop.wake();
    }

    /**
     * Lets the call in progress end (5 s at most), then lets go of the messages claimed and not yet sent: left claimed,
     * they would wait out their claims after the restart and never go by the modem, as if they might have left.
     */
    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        loop.close(this::releaseUnsent, Duration.ofSeconds(5));
    }

    private void releaseUnsent() {
        List<Channels.Outgoing> unsent = new ArrayList<>();
        for (Channels.Outgoing claimed = ready.poll(); claimed != null; claimed = ready.poll()) {
            unsent.add(claimed);
        }
        if (!unsent.isEmpty()) {
            claims.release(unsent);
        }
    }

    private void sendDue() {
        sendReady();
        if (stopping || !lookForDue.getAndSet(false)) {
            return;
        }
        // known again only if this look succeeds: a look that fails is retried at the next poll, as before
        nextDue = null;
        lastLook = clock.instant();
        // no more claimed at once than a decision would leave waiting to be sent (see READY_AT_MOST)
        NotificationClaims.DuePage page =
                claims.claimDue(Math.max(1, READY_AT_MOST - claimedNotCommitted.get()), lookAhead.getAndSet(false));
        if (page.full()) {
            lookForDue.set(true); // once these are sent
            loop.wake();
        }
        // known only when nothing is due: sending the due ones would change it (and cost a query under load)
        nextDue = page.nextDue();
        // through the queue: a round that fails half-way leaves the rest claimed there, for the next round
        ready.addAll(page.claimed());
        sendReady();
    }

    private void sendReady() {
        while (!stopping) {
            letGoOfWhatMustNotBeCalled();
            Channels.Outgoing claimed = ready.poll();
            if (claimed == null) {
                return;
            }
            send(claimed);
        }
    }

    /**
     * Lets go, in one transaction, of the claimed messages at the head of the queue that must not be called now: due
     * again at once, their attempts not counted, they are routed anew by the look this asks for.
     */
    private void letGoOfWhatMustNotBeCalled() {
        List<Channels.Outgoing> letGo = new ArrayList<>();
        for (Channels.Outgoing head = ready.peek(); head != null && !callableNow(head); head = ready.peek()) {
            letGo.add(ready.poll()); // this thread alone takes from the queue: the head is still the one peeked at
        }
        if (!letGo.isEmpty()) {
            claims.release(letGo);
            lookForDue.set(true);
            loop.wake();
        }
    }

    private boolean callableNow(Channels.Outgoing claimed) {
        // Its upstream was found silent after it was claimed (a decision claims before any call has failed): the call
        // would only wait out a connect timeout, and the ones behind it theirs, one after another, while the modem
        // could carry what cannot wait. Cut off, ten applicants heard RECEIVED by modem 27 s late that way.
        if (upstream.isSilent(Upstream.of(claimed.channel()))) {
            return false;
        }
        // It waited so long behind other calls that its claim could run out mid-call (another instance could then
        // take the message and call too).
        return !clock.instant().plus(NotificationClaims.CALL_AT_MOST).isAfter(claimed.claimedUntil());
    }

    private void send(Channels.Outgoing outgoing) {
        // the outcome may set a retry sooner than the next due time known; forgotten first, so that a call or a
        // recording that fails leaves the next poll to look
        nextDue = null;
        // sent outside any transaction: a channel call never holds a database transaction open
        Channels.Result result = channels.deliver(outgoing);
        DeliveryOutcomes.Recorded recorded = outcomes.record(outgoing, result);
        if (recorded == DeliveryOutcomes.Recorded.OTHERS_WAIT) {
            lookAhead.set(true);
        }
        if (recorded != DeliveryOutcomes.Recorded.DONE) {
            lookForDue.set(true);
            loop.wake();
        }
    }
}
