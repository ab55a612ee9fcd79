package id.ltsa.relay.submission.link;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final LinkConfig config;
    private final Clock clock;
    private final Event<LinkRestored> restored;
    private final TransactionSynchronizationRegistry transactions;
    private volatile LastRead last;

    CentralLink(
            AgroalDataSource dataSource,
            Outbox outbox,
            LinkConfig config,
            Clock clock,
            Event<LinkRestored> restored,
            TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.restored = restored;
        this.transactions = transactions;
    }

    public LinkStatus current() {
        LastRead read = last;
        long now = System.nanoTime();
        if (read == null || now - read.atNanos() > FRESH_NANOS) {
            read = new LastRead(read(false), now);
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
        return update(
                        "UPDATE central_link SET next_probe_at = ? WHERE id = 1 AND next_probe_at <= ?",
                        Timestamp.from(now.plus(interval)),
                        Timestamp.from(now))
                == 1;
    }

    /**
     * A call found no central API, or one failing everything: the link is down (announced if it was up, and again if
     * its likely cause changed while it stayed down).
     */
    @Transactional
    public void reportDown(String error, LinkDiagnosis diagnosis) {
        forgetLastRead();
        LinkStatus before = read(true);
        Instant now = clock.instant();
        if (before.isDown()) {
            update("UPDATE central_link SET last_error = ?, diagnosis = ? WHERE id = 1", error, diagnosis.name());
            if (before.diagnosis() != diagnosis) {
                LOG.warnf("Central API link still DOWN, now %s: %s", diagnosis, error);
                outbox.append(
                        "central-link",
                        new CentralLinkChanged(LinkState.DOWN, before.since(), error, pending(), diagnosis));
            }
            return;
        }
        update(
                "UPDATE central_link SET state = 'DOWN', since = ?, last_error = ?, diagnosis = ?, next_probe_at = ? "
                        + "WHERE id = 1",
                Timestamp.from(now),
                error,
                diagnosis.name(),
                Timestamp.from(now.plus(config.probeInterval())));
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
        LinkStatus before = read(true);
        if (!before.isDown()) {
            return;
        }
        Instant now = clock.instant();
        update(
                "UPDATE central_link SET state = 'UP', since = ?, last_error = NULL, diagnosis = NULL WHERE id = 1",
                Timestamp.from(now));
        LOG.infof("Central API link UP again after %s", java.time.Duration.between(before.since(), now));
        outbox.append("central-link", new CentralLinkChanged(LinkState.UP, now, null, pending(), null));
        restored.fire(new LinkRestored(now));
    }

    @Transactional
    public void setPaused(boolean paused) {
        forgetLastRead();
        update("UPDATE central_link SET paused = ? WHERE id = 1", paused);
    }

    private LinkStatus read(boolean lock) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT state, since, last_error, diagnosis, paused FROM central_link WHERE id = 1"
                                + (lock ? " FOR UPDATE" : ""));
                ResultSet row = select.executeQuery()) {
            row.next();
            return new LinkStatus(
                    LinkState.valueOf(row.getString(1)),
                    row.getTimestamp(2).toInstant(),
                    row.getString(3),
                    row.getString(4) == null ? null : LinkDiagnosis.valueOf(row.getString(4)),
                    row.getBoolean(5));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long pending() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM submission WHERE status IN ('RECEIVED', 'QUEUED', 'DELAYED')");
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
