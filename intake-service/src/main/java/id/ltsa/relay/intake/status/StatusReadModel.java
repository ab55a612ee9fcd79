package id.ltsa.relay.intake.status;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Keeps each application's status as submission-service reports it. Events may arrive twice or late (at-least-once
 * delivery, a redelivery after a crash): an event that would move an application backwards is ignored.
 */
@ApplicationScoped
public class StatusReadModel {

    private static final Logger LOG = Logger.getLogger(StatusReadModel.class);

    /**
     * Moves the application on and writes its history in one statement, only where the event is newer: a later
     * revision, or the same revision further along the lifecycle, and never away from a final status. The lifecycle's
     * order comes as parameters (the final statuses, those ranked below the event's), so it is still said only in
     * {@code contracts}. The UPDATE waits for the row's lock and then tests its condition on the row as it is (READ
     * COMMITTED), so two events of one application are decided in turn. The version moves as an update of the entity
     * would move it, so an amendment read before this fails to save. The application is never loaded: loaded whole,
     * its personal data would be decrypted for nothing, then encrypted again by an UPDATE of every column. The same
     * statement says whether the application exists, for the log of an event that changed nothing.
     */
    private static final String APPLY = """
            WITH changed AS (
                UPDATE application SET status = ?, status_revision = ?,
                    central_reference = coalesce(?, central_reference), updated_at = ?, version = version + 1
                WHERE id = ? AND status <> ALL (?)
                    AND (status_revision < ? OR status_revision = ? AND status = ANY (?))
                RETURNING id, status, status_revision),
            history AS (
                INSERT INTO status_history (application_id, status, reason, revision, at)
                SELECT id, status, ?, status_revision, ? FROM changed)
            SELECT EXISTS (SELECT 1 FROM changed), EXISTS (SELECT 1 FROM application WHERE id = ?)""";

    private static final String[] FINALS = names(ApplicationStatus.finals());

    private final AgroalDataSource dataSource;
    private final Clock clock;

    StatusReadModel(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Applies the event in one statement of its own, committed by itself (no transaction: a transaction's BEGIN, the
     * inbox's ids and a look for the application when nothing changed made three round trips of one, twice per
     * application; the performance issue). Applied again, it changes nothing, so the inbox records no ids for it.
     *
     * @return whether the event changed the application
     */
    public boolean apply(ApplicationStatusChanged event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(APPLY)) {
            statement.setString(1, event.status().name());
            statement.setInt(2, event.revision());
            statement.setString(3, event.centralReference());
            statement.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
            statement.setObject(5, event.applicationId());
            statement.setArray(6, connection.createArrayOf("text", FINALS));
            statement.setInt(7, event.revision());
            statement.setInt(8, event.revision());
            statement.setArray(
                    9, connection.createArrayOf("text", names(event.status().rankedBelow())));
            statement.setString(10, event.reason());
            statement.setObject(11, event.occurredAt().atOffset(ZoneOffset.UTC));
            statement.setObject(12, event.applicationId());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                boolean changed = result.getBoolean(1);
                if (!changed && !result.getBoolean(2)) {
                    LOG.warnf("Status %s for unknown application %s ignored", event.status(), event.applicationId());
                }
                return changed;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply a status event: " + e.getMessage(), e);
        }
    }

    private static String[] names(Collection<ApplicationStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
