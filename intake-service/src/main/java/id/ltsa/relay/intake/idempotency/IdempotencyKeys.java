package id.ltsa.relay.intake.idempotency;

import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.intake.web.Problems;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Idempotency keys of the registration endpoint, kept in PostgreSQL so they hold across instances and restarts. The
 * primary key (office, key) settles races: of twenty identical requests at once, one inserts the key and proceeds, the
 * others find it in flight (409) or completed (replay).
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final String IN_FLIGHT = "IN_FLIGHT";
    private static final String COMPLETED = "COMPLETED";

    private final AgroalDataSource dataSource;
    private final IdempotencyConfig config;
    private final Clock clock;

    IdempotencyKeys(AgroalDataSource dataSource, IdempotencyConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Claims the key in a transaction of its own, committed before the request's work starts. */
    public Claim claim(String officeCode, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> claimNow(officeCode, key, requestHash));
    }

    private Claim claimNow(String officeCode, String key, String requestHash) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO idempotency_key (office_code, idempotency_key, request_hash, state, created_at)
                    VALUES (?, ?, ?, 'IN_FLIGHT', ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, officeCode);
                insert.setString(2, key);
                insert.setString(3, requestHash);
                insert.setTimestamp(4, Timestamp.from(now));
                if (insert.executeUpdate() == 1) {
                    return new Claim.Proceed(officeCode, key, requestHash);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT request_hash, state, response_status, response_body, location, created_at
                    FROM idempotency_key WHERE office_code = ? AND idempotency_key = ? FOR UPDATE""")) {
                select.setString(1, officeCode);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // removed between our insert and select (its request failed): claim it again
                        return claimNow(officeCode, key, requestHash);
                    }
                    if (!row.getString(1).equals(requestHash)) {
                        throw new ProblemException(Problems.idempotencyKeyReused());
                    }
                    if (COMPLETED.equals(row.getString(2))) {
                        return new Claim.Replay(row.getInt(3), row.getString(4), row.getString(5));
                    }
                    if (row.getTimestamp(6)
                            .toInstant()
                            .plus(config.inFlightTimeout())
                            .isAfter(now)) {
                        throw new ProblemException(Problems.idempotencyKeyInUse());
                    }
                }
            }
            takeOver(connection, officeCode, key, now);
            return new Claim.Proceed(officeCode, key, requestHash);
        }
    }

    private static void takeOver(Connection connection, String officeCode, String key, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE idempotency_key SET created_at = ? WHERE office_code = ? AND idempotency_key = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, officeCode);
            update.setString(3, key);
            update.executeUpdate();
        }
    }

    /** Keeps the 201 under the key, in the same transaction that created the application. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Claim.Proceed claim, int status, String body, String location) {
        execute("""
                UPDATE idempotency_key SET state = 'COMPLETED', response_status = ?, response_body = ?, location = ?
                WHERE office_code = ? AND idempotency_key = ?""", status, body, location, claim.officeCode(), claim.key());
    }

    /**
     * The applicant's personal data was erased: the 201s kept for replay under keys that created this application
     * (they hold the applicant as registered) become the application as it is now. A replay still answers 201.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseAnswers(String location, String erasedBody) {
        execute(
                "UPDATE idempotency_key SET response_body = ? WHERE location = ? AND state = 'COMPLETED'",
                erasedBody,
                location);
    }

    /** Frees the key after an error answer, which the contract says is not kept. */
    public void release(Claim.Proceed claim) {
        QuarkusTransaction.requiringNew()
                .run(() -> execute(
                        "DELETE FROM idempotency_key WHERE office_code = ? AND idempotency_key = ? AND state = 'IN_FLIGHT'",
                        claim.officeCode(),
                        claim.key()));
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldKeys() {
        int removed = QuarkusTransaction.requiringNew()
                .call(() -> execute(
                        "DELETE FROM idempotency_key WHERE created_at < ?",
                        Timestamp.from(clock.instant().minus(config.retention()))));
        if (removed > 0) {
            LOG.infof("Forgot %d idempotency keys older than %s", removed, config.retention());
        }
    }

    private int execute(String sql, Object... parameters) {
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
