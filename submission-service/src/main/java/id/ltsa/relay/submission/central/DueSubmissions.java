package id.ltsa.relay.submission.central;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Claims submissions that are due, oldest first. {@code FOR UPDATE SKIP LOCKED} lets several instances claim at once
 * without taking the same row; the lease (a later next_attempt_at) keeps a claimed row from being claimed again while
 * its call is in flight, and frees it if the claiming instance dies.
 */
@ApplicationScoped
class DueSubmissions {

    record Claimed(UUID applicationId, int revision, String idempotencyKey, String payload) {
    }

    private final AgroalDataSource dataSource;
    private final ForwardingConfig config;
    private final Clock clock;

    DueSubmissions(AgroalDataSource dataSource, ForwardingConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    List<Claimed> claim(int limit) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("""
                        UPDATE submission SET next_attempt_at = ?
                        WHERE application_id IN (
                            SELECT application_id FROM submission
                            WHERE status IN ('QUEUED', 'DELAYED') AND next_attempt_at <= ?
                            ORDER BY queued_at
                            LIMIT ?
                            FOR UPDATE SKIP LOCKED)
                        RETURNING application_id, revision, payload, queued_at""")) {
            claim.setTimestamp(1, Timestamp.from(now.plus(config.claimLease())));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setInt(3, limit);
            List<Claimed> claimed = new ArrayList<>();
            List<Instant> queuedAt = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    int revision = rows.getInt(2);
                    claimed.add(new Claimed(id, revision, id + "-r" + revision, rows.getString(3)));
                    queuedAt.add(rows.getTimestamp(4).toInstant());
                }
            }
            // RETURNING does not keep the subquery's order: restore oldest first
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < claimed.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> queuedAt.get(a).compareTo(queuedAt.get(b)));
            return order.stream().map(claimed::get).toList();
        }
    }
}
