package id.ltsa.relay.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The one writer of {@code processed_event}: the CloudEvents ids this service has applied. */
@ApplicationScoped
class ProcessedEvents {

    private final AgroalDataSource dataSource;

    ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the ids in one statement and returns those not recorded before. {@code ON CONFLICT DO NOTHING} is also
     * safe when two consumers race for one id (in id order, so two racing batches cannot deadlock on the key), and
     * an id given twice is recorded once. In the caller's transaction (the connection is the one enlisted in it), so a
     * failed application of the events forgets the ids again.
     */
    Set<String> firstTimes(Collection<String> eventIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                        + " (event_id, processed_at) SELECT DISTINCT id, now() FROM unnest(?::text[]) AS id"
                        + " ORDER BY id ON CONFLICT DO NOTHING RETURNING event_id")) {
            insert.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            Set<String> recorded = new HashSet<>(eventIds.size() * 2);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
            return recorded;
        }
    }

    /** Forgets the ids recorded longer ago than {@code keep}; how many. */
    int forgetOlderThan(Duration keep) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM processed_event WHERE processed_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, keep.toSeconds());
            return delete.executeUpdate();
        }
    }
}
