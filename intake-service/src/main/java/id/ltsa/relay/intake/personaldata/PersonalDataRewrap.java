package id.ltsa.relay.intake.personaldata;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Brings every application's personal data under the primary key: values written before encryption came (plaintext),
 * values under a key rotated out of primary, and rows without a blind index. Runs at start and once a day, in batches
 * by id, with plain JDBC (the values are re-encrypted, not read into entities); idempotent, and any instance may run
 * it (each row is updated only if it still holds what was read).
 */
@ApplicationScoped
public class PersonalDataRewrap {

    private static final Logger LOG = Logger.getLogger(PersonalDataRewrap.class);
    private static final int BATCH = 200;

    private record Row(UUID id, String nik, String phone, String email, String nikIndex) {}

    private final AgroalDataSource dataSource;
    private final PersonalDataCipher cipher;

    PersonalDataRewrap(AgroalDataSource dataSource, PersonalDataCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    void onStart(@Observes StartupEvent start) {
        daily();
    }

    @Scheduled(every = "24h", delayed = "24h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            int rewrapped = rewrapAll();
            if (rewrapped > 0) {
                LOG.infof("Personal data of %d applications brought under the primary key", rewrapped);
            }
        } catch (SQLException e) {
            LOG.warnf("Personal data not re-encrypted this time (SQLSTATE %s); next run tries again", e.getSQLState());
        }
    }

    /** @return how many applications were rewritten */
    public int rewrapAll() throws SQLException {
        int rewritten = 0;
        UUID after = new UUID(0, 0); // the smallest in PostgreSQL's order (bytes, unsigned)
        try (Connection connection = dataSource.getConnection()) {
            while (true) {
                List<Row> batch = batchAfter(connection, after);
                if (batch.isEmpty()) {
                    return rewritten;
                }
                for (Row row : batch) {
                    if (needsWork(row)) {
                        rewritten += rewrite(connection, row);
                    }
                }
                after = batch.get(batch.size() - 1).id();
            }
        }
    }

    private boolean needsWork(Row row) {
        return row.nikIndex() == null
                || !cipher.isUnderPrimary(row.nik())
                || !cipher.isUnderPrimary(row.phone())
                || !cipher.isUnderPrimary(row.email());
    }

    private int rewrite(Connection connection, Row row) throws SQLException {
        String nik = cipher.decrypt(row.nik(), "nik");
        try (PreparedStatement update = connection.prepareStatement("UPDATE application SET nik = ?, phone = ?, "
                + "email = ?, nik_index = ? WHERE id = ? AND nik = ? AND phone = ? AND email IS NOT DISTINCT FROM ?")) {
            update.setString(1, cipher.encrypt(nik, "nik"));
            update.setString(2, cipher.encrypt(cipher.decrypt(row.phone(), "phone"), "phone"));
            update.setString(3, cipher.encrypt(cipher.decrypt(row.email(), "email"), "email"));
            update.setString(4, cipher.blindIndex(nik));
            update.setObject(5, row.id());
            update.setString(6, row.nik());
            update.setString(7, row.phone());
            update.setString(8, row.email());
            return update.executeUpdate();
        }
    }

    private static List<Row> batchAfter(Connection connection, UUID after) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, nik, phone, email, nik_index " + "FROM application WHERE id > ? ORDER BY id LIMIT ?")) {
            select.setObject(1, after);
            select.setInt(2, BATCH);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getObject(1, UUID.class),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5)));
                }
            }
            return rows;
        }
    }
}
