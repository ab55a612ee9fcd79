package id.ltsa.relay.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table as the relay sees it: plain JDBC on one connection of its own, outside any JTA transaction.
 * Waiting for Kafka inside a JTA transaction would hand the transaction to Kafka's threads along with the message
 * context; here each statement commits on its own, and a row is deleted only after the broker acknowledged it.
 */
@ApplicationScoped
class OutboxStore {

    /**
     * One relay at a time across all instances of a service: rows are published in commit order per application, which
     * two relays taking interleaved batches could not promise. The number is arbitrary but fixed ("LTSA").
     */
    private static final long RELAY_LOCK = 0x4C545341L;

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
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
        }
    }

    List<OutboxRow> oldest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, event_id, topic, message_key, event_type, occurred_at, created_at, payload, traceparent
                FROM outbox_event ORDER BY seq LIMIT ?""")) {
            select.setInt(1, limit);
            List<OutboxRow> batch = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new OutboxRow(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant(),
                            rows.getTimestamp(7).toInstant(), rows.getString(8), rows.getString(9)));
                }
            }
            return batch;
        }
    }

    void delete(Connection connection, List<OutboxRow> published) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE seq = ANY (?)")) {
            Array seqs = connection.createArrayOf("bigint", published.stream().map(OutboxRow::seq).toArray());
            delete.setArray(1, seqs);
            delete.executeUpdate();
        }
    }

    long backlog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox_event");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
