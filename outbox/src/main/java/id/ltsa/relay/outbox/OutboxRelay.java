package id.ltsa.relay.outbox;

import id.ltsa.relay.drain.DrainLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka, oldest row first, at least once.
 *
 * <p>Hand-written because the usual tool, Debezium's outbox router, needs Kafka Connect and logical replication,
 * neither of which an office server runs. It is woken right after every commit that added a row (so an idle system
 * publishes within milliseconds) and polls once a second as a safety net for rows written by another instance or
 * left by a crash. While the broker is away it backs off and the rows simply wait in PostgreSQL. A round is one
 * statement: it moves the rows the broker acknowledged in the round before and reads the next ones.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Clock clock;
    private final Timer publishLatency;
    private final DrainLoop loop = new DrainLoop("outbox-relay", this::publishUntilEmpty);
    private volatile Instant retryNotBefore = Instant.MIN;
    private volatile Duration backoff = Duration.ZERO;
    /**
     * The connection holding the relay lock while this instance is the relay, kept from one round to the next so that
     * a round costs its one statement, not a lock and an unlock as well: the once-a-second poll is then one
     * statement. Used by the loop's one thread only. Let go of on a database error; at shutdown the pool closes it,
     * and the lock ends with its session, so another instance takes over the relay when this one stops or dies.
     */
    private Connection relay;
    /**
     * The last round's rows, acknowledged by the broker and still in outbox_event: the next round's statement moves
     * them as it reads on (a poll comes within a second, and stopping moves them too). Until then they are neither
     * read again nor published again by this relay. Should the relay lose its connection or die first, whoever relays
     * next publishes them again, as after a crash between publishing and moving: at least once, and consumers drop
     * an event id they have seen. Used by the loop's thread only.
     */
    private List<OutboxRow> acknowledged = List.of();
    /**
     * The seqs of {@link #acknowledged}, for counting what still waits for the broker from any thread: those rows are
     * in outbox_event but wait for nothing (the reconciliation, which holds back while events wait, would otherwise be
     * held back under steady traffic, and the backlog would never read 0).
     */
    private volatile long[] acknowledgedSeqs = new long[0];

    OutboxRelay(
            OutboxStore store, OutboxPublisher publisher, OutboxConfig config, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.publishLatency = Timer.builder("ltsa.outbox.publish.latency")
                .description("Time from an event's commit to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                // buckets too, so Prometheus can aggregate the p99 across instances (quantiles cannot be)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        registry.gauge("ltsa.outbox.backlog", this, OutboxRelay::waiting);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wake();
    }

    @Scheduled(every = "${ltsa.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void onStop(@Observes ShutdownEvent stop) {
        // a clean stop leaves nothing in outbox_event that the broker already has
        loop.close(this::moveAcknowledged, Duration.ofSeconds(5));
    }

    private void moveAcknowledged() throws SQLException {
        if (relay != null && !acknowledged.isEmpty()) {
            store.markPublished(relay, acknowledged);
            acknowledge(List.of());
        }
    }

    private void acknowledge(List<OutboxRow> rows) {
        acknowledged = rows;
        acknowledgedSeqs = rows.stream().mapToLong(OutboxRow::seq).toArray();
    }

    /**
     * Events the broker has not acknowledged, as far as this instance knows: outbox_event less this relay's last round.
     * (Where another instance relays, its last round is counted too, for the second until its next round.) A round
     * that ends between the two reads can only make it count more, never less.
     */
    public long waiting() {
        return store.backlog(acknowledgedSeqs);
    }

    public void wake() {
        loop.wake();
    }

    private void publishUntilEmpty() {
        if (clock.instant().isBefore(retryNotBefore)) {
            return; // backing off while the broker is away; the next poll after the pause retries
        }
        try {
            if (relay == null) {
                relay = store.lockRelay();
                if (relay == null) {
                    return; // another instance relays; its rows and ours are one table
                }
            }
            while (publishBatch(relay) == config.batchSize()) {
                // a full batch: there may be more
            }
            backoff = Duration.ZERO;
        } catch (SQLException e) {
            letGoOfTheRelay();
            backOff(e);
        } catch (Exception e) {
            backOff(e); // the broker is away: this instance stays the relay, the rows wait in PostgreSQL
        }
    }

    /** Unlocks and returns the connection (or, if the database went away, the lock went with its session). */
    private void letGoOfTheRelay() {
        Connection held = relay;
        relay = null;
        acknowledge(List.of()); // in outbox_event still: published again, by whoever relays next
        try {
            store.unlockRelay(held);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Relay lock not released cleanly (%s); it ends with its session", rootMessage(e));
        }
    }

    private void backOff(Exception e) {
        backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), config.maxBackoff());
        retryNotBefore = clock.instant().plus(backoff);
        LOG.warnf("Outbox not published (%s); next attempt in %d ms", rootMessage(e), backoff.toMillis());
    }

    private int publishBatch(Connection relay) throws SQLException {
        List<OutboxRow> batch = store.moveAndReadOldest(relay, acknowledged, config.batchSize());
        acknowledge(List.of());
        if (batch.isEmpty()) {
            return 0;
        }
        publisher.publish(batch, config.publishTimeout());
        acknowledge(batch);
        Instant now = clock.instant();
        batch.forEach(row -> publishLatency.record(Duration.between(row.createdAt(), now)));
        return batch.size();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
