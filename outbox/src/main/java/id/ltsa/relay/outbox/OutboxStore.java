package id.ltsa.relay.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The outbox's two tables, {@code outbox_event} (waiting for the broker) and {@code outbox_published} (acknowledged,
 * kept a while to be published again if need be). The relay uses plain JDBC on one connection of its own, outside any
 * JTA transaction: waiting for Kafka inside one would hand the transaction to Kafka's threads along with the message
 * context. Each of its statements commits on its own, and a row leaves outbox_event only after the broker acknowledged
 * it.
 */
@ApplicationScoped
class OutboxStore {

    /**
     * One relay at a time across all instances of a service: rows are published in commit order per application, which
     * two relays taking interleaved batches could not promise. The number is arbitrary but fixed ("LTSA").
     */
    private static final long RELAY_LOCK = 0x4C545341L;

    private static final String COLUMNS =
            "seq, event_id, topic, message_key, event_type, occurred_at, created_at, payload, traceparent";
    /** The rows whose seq is the first parameter, deleted from outbox_event ... */
    private static final String MOVE = "moved AS (DELETE FROM outbox_event WHERE seq = ANY (?) RETURNING *)";
    /** ... and kept in outbox_published, unless their key's personal data was erased meanwhile ({@link #forget}). */
    private static final String KEEP = """
            INSERT INTO outbox_published (event_id, seq, topic, message_key, event_type, occurred_at, created_at,
                payload, traceparent, published_at)
            SELECT event_id, seq, topic, message_key, event_type, occurred_at, created_at, payload, traceparent, now()
            FROM moved WHERE keep_after_publish
            ON CONFLICT (event_id) DO UPDATE SET seq = EXCLUDED.seq, published_at = EXCLUDED.published_at,
                verified_at = NULL""";

    private final AgroalDataSource dataSource;

    OutboxStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection holding the relay lock, or null when another instance relays right now. */
    Connection lockRelay() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (rows.getBoolean(1)) {
                    return connection;
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return null;
    }

    void unlockRelay(Connection connection) throws SQLException {
        try (connection;
                PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
        }
    }

    /**
     * Moves the rows of the last round (the broker acknowledged them) to outbox_published and reads the oldest rows
     * still to publish, in one statement that commits on its own: a round is one round trip, not a select and a move
     * (the performance issue). The select sees outbox_event as it was before the move, hence the rows just moved are
     * left out by their seq.
     *
     * @param acknowledged the last round's rows, empty if there are none
     */
    List<OutboxRow> moveAndReadOldest(Connection connection, List<OutboxRow> acknowledged, int limit)
            throws SQLException {
        if (acknowledged.isEmpty()) {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox_event ORDER BY seq LIMIT ?")) {
                select.setInt(1, limit);
                return read(select);
            }
        }
        try (PreparedStatement moveAndSelect = connection.prepareStatement("WITH " + MOVE + ", kept AS (" + KEEP + ")"
                + " SELECT " + COLUMNS + " FROM outbox_event WHERE seq <> ALL (?) ORDER BY seq LIMIT ?")) {
            Array seqs = seqs(connection, acknowledged);
            moveAndSelect.setArray(1, seqs);
            moveAndSelect.setArray(2, seqs);
            moveAndSelect.setInt(3, limit);
            return read(moveAndSelect);
        }
    }

    private static List<OutboxRow> read(PreparedStatement select) throws SQLException {
        List<OutboxRow> batch = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                batch.add(new OutboxRow(
                        rows.getLong(1),
                        rows.getObject(2, UUID.class),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getTimestamp(6).toInstant(),
                        rows.getTimestamp(7).toInstant(),
                        rows.getString(8),
                        rows.getString(9)));
            }
        }
        return batch;
    }

    /** The broker acknowledged these: they move to outbox_published, kept there for {@link #purge}. */
    void markPublished(Connection connection, List<OutboxRow> published) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement("WITH " + MOVE + " " + KEEP)) {
            move.setArray(1, seqs(connection, published));
            move.executeUpdate();
        }
    }

    private static Array seqs(Connection connection, List<OutboxRow> rows) throws SQLException {
        return connection.createArrayOf(
                "bigint", rows.stream().map(OutboxRow::seq).toArray());
    }

    /**
     * Queues the kept events of {@code key} again, in their order, under their own ids, if the newest of them was
     * published at least {@code quiet} ago; nothing while the key still has events waiting (those go out anyway, and
     * an older event published after them would arrive out of order). On the caller's connection, so inside its
     * transaction.
     *
     * @return how many were queued
     */
    int republish(Connection connection, String key, Duration quiet) throws SQLException {
        lockKey(connection, key);
        // the serial seq is drawn row by row in the SELECT's order, which keeps the events of the key in order
        try (PreparedStatement copy = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, occurred_at, payload, traceparent)
                SELECT event_id, topic, message_key, event_type, occurred_at, payload, traceparent
                FROM outbox_published
                WHERE message_key = ?
                  AND NOT EXISTS (SELECT 1 FROM outbox_event WHERE message_key = ?)
                  AND (SELECT max(published_at) FROM outbox_published WHERE message_key = ?)
                      <= now() - make_interval(secs => ?)
                ORDER BY seq
                ON CONFLICT (event_id) DO NOTHING""")) {
            copy.setString(1, key);
            copy.setString(2, key);
            copy.setString(3, key);
            copy.setDouble(4, quiet.toMillis() / 1000.0);
            return copy.executeUpdate();
        }
    }

    /**
     * Deletes the kept published events of one key, and marks its events still waiting for the broker not to be kept
     * once published; on the caller's connection (so inside its transaction). Two statements, in this order: the mark
     * waits for a move of the key's rows the relay has in flight, and the delete, on a snapshot taken after that,
     * then finds the moved rows in outbox_published. A move that starts after the mark waits for the caller's commit
     * and then sees it.
     *
     * @return how many kept events were deleted
     */
    int forget(Connection connection, String key) throws SQLException {
        lockKey(connection, key);
        // the rows locked in seq order, the order in which the relay's move locks them
        try (PreparedStatement mark = connection.prepareStatement("""
                        UPDATE outbox_event SET keep_after_publish = false
                        WHERE seq IN (SELECT seq FROM outbox_event WHERE message_key = ? ORDER BY seq FOR UPDATE)""");
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM outbox_published WHERE message_key = ?")) {
            mark.setString(1, key);
            mark.executeUpdate();
            delete.setString(1, key);
            return delete.executeUpdate();
        }
    }

    /** Published events not yet found in the broker's log since their last publication, at least this old. */
    List<PublishedEvent> unverified(Duration olderThan, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT event_id, topic, message_key, published_at FROM outbox_published
                        WHERE verified_at IS NULL AND published_at <= now() - make_interval(secs => ?)
                        ORDER BY published_at LIMIT ?""")) {
            select.setDouble(1, olderThan.toMillis() / 1000.0);
            select.setInt(2, limit);
            List<PublishedEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new PublishedEvent(
                            rows.getObject(1, UUID.class),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return events;
        }
    }

    /** The audit found these in the broker's log. */
    void markVerified(List<UUID> eventIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE outbox_published SET verified_at = now() WHERE event_id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            update.executeUpdate();
        }
    }

    /** {@link #republish(Connection, String, Duration)} in a transaction of its own, which the key's lock lasts. */
    int republishNow(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int queued = republish(connection, key, Duration.ZERO);
                connection.commit();
                return queued;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Until the caller's transaction ends, no one else forgets or republishes {@code key}: an erasure and a
     * republication of one key, each reading the other's tables, would otherwise miss each other's uncommitted rows
     * (a copy made from rows the erasure is deleting, and queued after its mark, would be kept). A statement of its
     * own, so the caller's next statement reads what the other committed. The two-key form is a key space apart from
     * the relay's single-key lock.
     */
    private static void lockKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, (int) RELAY_LOCK);
            lock.setString(2, key);
            lock.execute();
        }
    }

    /** Forgets published events older than {@code keep}. */
    int purge(Duration keep) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM outbox_published WHERE published_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, keep.toSeconds());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot purge the published outbox: " + e.getMessage(), e);
        }
    }

    /** Rows in outbox_event but those whose seq is given (acknowledged, waiting only to be moved); -1 if unknown. */
    long backlog(long[] except) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE seq <> ALL (?)")) {
            count.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint", Arrays.stream(except).boxed().toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }
}
