package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.submission.central.ForwardingConfig;
import id.ltsa.relay.submission.link.LinkRestored;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims submissions to send. A claim moves next_attempt_at past a lease, so a claimed row is not claimed again while
 * its call is in flight, and is free again if the claiming instance dies; the conditional UPDATE makes two instances
 * claiming at once take different rows.
 */
@ApplicationScoped
public class DueSubmissions {

    /**
     * A claimed submission, with what its send needs (the payload, the key, the trace, its turn in the batch) and what
     * its acceptance's event says of it as claimed (status, tracking code, office, attempts, DELAYED episode).
     */
    public record Claimed(
            UUID applicationId,
            int revision,
            String idempotencyKey,
            String payload,
            int rank,
            String traceparent,
            ApplicationStatus status,
            String trackingCode,
            String officeCode,
            int attempts,
            int episode) {}

    private final AgroalDataSource dataSource;
    private final ForwardingConfig config;
    private final Clock clock;

    DueSubmissions(AgroalDataSource dataSource, ForwardingConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The link is back: every pending submission is due at once. A synchronous observer, so it happens in the
     * transaction that marks the link UP, and the forwarder, woken after that commit, finds the whole backlog due.
     */
    void onLinkRestored(@Observes LinkRestored restored) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement due = connection.prepareStatement(
                        "UPDATE submission SET next_attempt_at = ? WHERE status IN ('QUEUED', 'DELAYED')")) {
            due.setTimestamp(1, Timestamp.from(restored.at()));
            due.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make the backlog due: " + e.getMessage(), e);
        }
    }

    /**
     * The offices with pending submissions, found by skipping through the (office_code, queued_at) index: one probe per
     * office, however long each office's backlog is.
     */
    private static final String OFFICES_WITH_PENDING = """
            WITH RECURSIVE office AS (
                (SELECT office_code FROM submission WHERE status IN ('QUEUED', 'DELAYED') ORDER BY office_code LIMIT 1)
                UNION ALL
                SELECT (SELECT s.office_code FROM submission s
                        WHERE s.status IN ('QUEUED', 'DELAYED') AND s.office_code > office.office_code
                        ORDER BY s.office_code LIMIT 1)
                FROM office WHERE office.office_code IS NOT NULL)
            """;

    /**
     * Due submissions, oldest first but fair across offices: each office's oldest, then each office's second oldest,
     * and so on, so one busy office cannot hold the others' applications back after an outage. Each office gives at
     * most {@code limit} of its oldest due rows, read from the index, so a claim costs the same with 100,000 pending
     * as with 10 (ranking every pending row made each claim a scan of the whole backlog).
     */
    @Transactional
    public List<Claimed> claim(int limit) throws SQLException {
        Instant now = clock.instant();
        return claimWhere(OFFICES_WITH_PENDING + """
                SELECT firsts.application_id,
                    row_number() OVER (PARTITION BY office.office_code ORDER BY firsts.queued_at) AS turn, firsts.queued_at
                FROM office CROSS JOIN LATERAL (
                    SELECT application_id, queued_at FROM submission s
                    WHERE s.office_code = office.office_code AND s.status IN ('QUEUED', 'DELAYED')
                        AND s.next_attempt_at <= ?
                    ORDER BY s.queued_at LIMIT ?) AS firsts
                WHERE office.office_code IS NOT NULL
                ORDER BY turn, queued_at LIMIT ?""", List.of(Timestamp.from(now), limit, limit), false, now);
    }

    /** When the earliest pending submission is due (its retry, or its claim running out); empty if none is pending. */
    public Optional<Instant> earliestPending() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement earliest = connection.prepareStatement(
                        "SELECT min(next_attempt_at) FROM submission WHERE status IN ('QUEUED', 'DELAYED')");
                ResultSet row = earliest.executeQuery()) {
            row.next();
            Timestamp at = row.getTimestamp(1);
            return Optional.ofNullable(at).map(Timestamp::toInstant);
        }
    }

    /** The oldest pending submission whatever its own retry time: the probe of a link that is down. */
    @Transactional
    public Optional<Claimed> claimOldest() throws SQLException {
        return claimWhere(OFFICES_WITH_PENDING + """
                SELECT oldest.application_id, 1 AS turn, oldest.queued_at
                FROM office CROSS JOIN LATERAL (
                    SELECT application_id, queued_at FROM submission s
                    WHERE s.office_code = office.office_code AND s.status IN ('QUEUED', 'DELAYED')
                    ORDER BY s.queued_at LIMIT 1) AS oldest
                WHERE office.office_code IS NOT NULL
                ORDER BY queued_at LIMIT 1""", List.of(), true, clock.instant()).stream()
                .findFirst();
    }

    private List<Claimed> claimWhere(String candidates, List<Object> candidateParameters, boolean anyTime, Instant now)
            throws SQLException {
        String sql = "WITH candidate AS (" + candidates + ") "
                + "UPDATE submission s SET next_attempt_at = ? FROM candidate c "
                + "WHERE s.application_id = c.application_id AND s.status IN ('QUEUED', 'DELAYED') "
                + "AND (? OR s.next_attempt_at <= ?) "
                + "RETURNING s.application_id, s.revision, s.payload, c.turn, c.queued_at, s.traceparent, s.status, "
                + "s.tracking_code, s.office_code, s.attempts, s.episode";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object parameter : candidateParameters) {
                claim.setObject(i++, parameter);
            }
            claim.setTimestamp(i++, Timestamp.from(now.plus(config.claimLease())));
            claim.setBoolean(i++, anyTime);
            claim.setTimestamp(i, Timestamp.from(now));
            List<Claimed> claimed = new ArrayList<>();
            List<Instant> queuedAt = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    int revision = rows.getInt(2);
                    claimed.add(new Claimed(
                            id,
                            revision,
                            Submission.idempotencyKey(id, revision),
                            rows.getString(3),
                            rows.getInt(4),
                            rows.getString(6),
                            ApplicationStatus.valueOf(rows.getString(7)),
                            rows.getString(8),
                            rows.getString(9),
                            rows.getInt(10),
                            rows.getInt(11)));
                    queuedAt.add(rows.getTimestamp(5).toInstant());
                }
            }
            // RETURNING does not keep the candidates' order: restore it
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < claimed.size(); k++) {
                order.add(k);
            }
            order.sort(
                    Comparator.<Integer>comparingInt(k -> claimed.get(k).rank()).thenComparing(queuedAt::get));
            return order.stream().map(claimed::get).toList();
        }
    }
}
