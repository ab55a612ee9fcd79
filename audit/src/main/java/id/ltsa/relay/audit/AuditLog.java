package id.ltsa.relay.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code audit_log} table: appends and pages. Plain JDBC in autocommit, outside any transaction of the request, so
 * an entry is written whether or not the audited work committed (the table itself refuses changes; see its migration).
 */
@ApplicationScoped
public class AuditLog {

    /** What to page through; a null field does not filter. */
    public record Query(UUID applicationId, String subject, AuditAction action, int page, int size) {}

    @Schema(name = "AuditPage")
    public record Page(
            @Schema(maxItems = 100) List<AuditEntry> items,

            @Schema(format = "int32", minimum = "0", maximum = "10000")
            int page,

            @Schema(format = "int32", minimum = "1", maximum = "100")
            int size,

            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807")
            long total) {}

    private final AgroalDataSource dataSource;

    AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void append(AuditEntry entry) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO audit_log "
                                + "(at, subject, office_code, roles, action, application_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(entry.at()));
            insert.setString(2, entry.subject());
            insert.setString(3, entry.officeCode());
            insert.setString(4, entry.roles());
            insert.setString(5, entry.action().name());
            insert.setObject(6, entry.applicationId(), Types.OTHER);
            insert.setInt(7, entry.outcome());
            insert.executeUpdate();
        }
    }

    /** Newest first. */
    public Page page(Query query) throws SQLException {
        String where = " WHERE (?::uuid IS NULL OR application_id = ?::uuid) AND (?::text IS NULL OR subject = ?)"
                + " AND (?::text IS NULL OR action = ?)";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_log" + where)) {
                bind(count, query);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, subject, office_code, roles, action," + " application_id, outcome FROM audit_log"
                            + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                bind(select, query);
                select.setInt(7, query.size());
                select.setLong(8, (long) query.page() * query.size());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(new AuditEntry(
                                rows.getTimestamp(1).toInstant(),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                AuditAction.valueOf(rows.getString(5)),
                                rows.getObject(6, UUID.class),
                                rows.getInt(7)));
                    }
                }
            }
            return new Page(items, query.page(), query.size(), total);
        }
    }

    private static void bind(PreparedStatement statement, Query query) throws SQLException {
        String action = query.action() == null ? null : query.action().name();
        statement.setObject(1, query.applicationId(), Types.OTHER);
        statement.setObject(2, query.applicationId(), Types.OTHER);
        statement.setString(3, query.subject());
        statement.setString(4, query.subject());
        statement.setString(5, action);
        statement.setString(6, action);
    }
}
