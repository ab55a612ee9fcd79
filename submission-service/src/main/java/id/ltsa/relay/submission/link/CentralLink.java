package id.ltsa.relay.submission.link;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.outbox.Outbox;
import id.ltsa.relay.submission.queue.Submission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The state of the link to the central API, shared by every instance through the central_link row. A change of state
 * is announced on {@code ltsa.central-link} through the outbox, once, by the instance that made it.
 */
@ApplicationScoped
public class CentralLink {

    private static final Logger LOG = Logger.getLogger(CentralLink.class);
    /**
     * How long a read of the row is used again. The forwarder asks every round and the queue for every application,
     * and the row changes a few times a day; the row stays the truth, so a change made by another instance (a pause,
     * the link found down) is seen here within a second.
     */
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Outbox outbox;
    private final LinkConfig config;
    private final Clock clock;
    private final Event<LinkRestored> restored;
    private final TransactionSynchronizationRegistry transactions;
    private volatile LastRead last;

    CentralLink(
            Outbox outbox,
            LinkConfig config,
            Clock clock,
            Event<LinkRestored> restored,
            TransactionSynchronizationRegistry transactions) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.restored = restored;
        this.transactions = transactions;
    }

    /**
     * The state as last read, without reading the row: null when not read yet or just changed by this instance. For a
     * caller that only wants to know whether to look at all; {@link #current} is the state to act on.
     */
    public LinkStatus lastRead() {
        LastRead read = last;
        return read == null ? null : read.status();
    }

    public LinkStatus current() {
        LastRead read = last;
        long now = System.nanoTime();
        if (read == null || now - read.atNanos() > FRESH_NANOS) {
            read = new LastRead(
                    QuarkusTransaction.joiningExisting().call(() -> row(false).status()), now);
            last = read;
        }
        return read.status();
    }

    /**
     * Takes the next probe slot if it is due, and books the one after {@code interval}; false when another probe
     * (in this instance or another) has it.
     */
    @Transactional
    public boolean claimProbe(java.time.Duration interval) {
        Instant now = clock.instant();
        // one statement, so that of two instances asking at once exactly one gets the slot
        return LinkRow.update(
                        "nextProbeAt = ?1 where id = ?2 and nextProbeAt <= ?3", now.plus(interval), LinkRow.ID, now)
                == 1;
    }

    /**
     * A call found no central API, or one failing everything: the link is down (announced if it was up, and again if
     * its likely cause changed while it stayed down).
     */
    @Transactional
    public void reportDown(String error, LinkDiagnosis diagnosis) {
        forgetLastRead();
        LinkRow row = row(true);
        LinkStatus before = row.status();
        Instant now = clock.instant();
        row.lastError = error;
        row.diagnosis = diagnosis;
        if (before.isDown()) {
            if (before.diagnosis() != diagnosis) {
                LOG.warnf("Central API link still DOWN, now %s: %s", diagnosis, error);
                outbox.append(
                        "central-link",
                        new CentralLinkChanged(LinkState.DOWN, before.since(), error, pending(), diagnosis));
            }
            return;
        }
        row.state = LinkState.DOWN;
        row.since = now;
        row.nextProbeAt = now.plus(config.probeInterval());
        LOG.warnf("Central API link DOWN (%s): %s", diagnosis, error);
        outbox.append("central-link", new CentralLinkChanged(LinkState.DOWN, now, error, pending(), diagnosis));
    }

    /**
     * A call was answered: the link is up. On recovery every pending application becomes due at once ({@link
     * LinkRestored}, observed in this transaction).
     */
    @Transactional
    public void reportUp() {
        forgetLastRead();
        LinkRow row = row(true);
        if (row.state != LinkState.DOWN) {
            return;
        }
        Instant now = clock.instant();
        Instant downSince = row.since;
        row.state = LinkState.UP;
        row.since = now;
        row.lastError = null;
        row.diagnosis = null;
        LOG.infof("Central API link UP again after %s", java.time.Duration.between(downSince, now));
        outbox.append("central-link", new CentralLinkChanged(LinkState.UP, now, null, pending(), null));
        restored.fire(new LinkRestored(now));
    }

    @Transactional
    public void setPaused(boolean paused) {
        forgetLastRead();
        row(true).paused = paused;
    }

    /** The row, locked until the transaction ends when this transaction is about to change it. */
    private static LinkRow row(boolean lock) {
        return lock ? LinkRow.findById(LinkRow.ID, LockModeType.PESSIMISTIC_WRITE) : LinkRow.findById(LinkRow.ID);
    }

    private static long pending() {
        return Submission.countPending();
    }

    /**
     * Forgets the last read now and again once the change commits: a round reading the row in between would otherwise
     * keep the old state (not yet paused, say) for another second.
     */
    private void forgetLastRead() {
        last = null;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                last = null;
            }
        });
    }

    private record LastRead(LinkStatus status, long atNanos) {}
}
