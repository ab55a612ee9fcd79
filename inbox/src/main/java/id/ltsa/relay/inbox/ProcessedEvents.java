package id.ltsa.relay.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/** The one writer of {@code processed_event}: the CloudEvents ids this service has applied. */
@ApplicationScoped
class ProcessedEvents {

    private final AgroalDataSource dataSource;

    ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the id in one statement; false when it was recorded before. {@code ON CONFLICT DO NOTHING} is also safe
     * when two consumers race for one id. In the caller's transaction (the connection is the one enlisted in it), so a
     * failed application of the event forgets the id again.
     */
    boolean firstTime(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                        + " (event_id, processed_at) VALUES (?, now()) ON CONFLICT DO NOTHING")) {
            insert.setString(1, eventId);
            return insert.executeUpdate() == 1;
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
