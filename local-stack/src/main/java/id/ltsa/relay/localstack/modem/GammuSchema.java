package id.ltsa.relay.localstack.modem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Gammu SMSD's own tables, in a schema of their own ({@code gammu}) inside notification-service's database, so the
 * service can hand a message to the modem in the same transaction that records it.
 *
 * <p>The tables come from the {@code pgsql.sql} that ships with the installed gammu-smsd package: the schema then
 * always matches the daemon that reads it (the daemon refuses a database of another version). The daemon logs in as
 * its own role, {@code smsd}, whose search path is that schema and whose time zone is UTC: gammu's columns are
 * timestamps without a zone, compared with the session's clock, so every writer must agree on one zone.
 */
public final class GammuSchema {

    public static final String SCHEMA = "gammu";
    public static final String ROLE = "smsd";
    public static final String PASSWORD = "smsd";

    private static final List<Path> PACKAGED = List.of(
            Path.of("/usr/share/doc/gammu-smsd/examples/pgsql.sql"),
            Path.of("/usr/share/doc/gammu-smsd/examples/pgsql.sql.gz"),
            Path.of("/usr/share/doc/gammu/examples/sql/pgsql.sql"));

    private GammuSchema() {}

    /** Whether the daemon and its schema file are installed (Debian: apt-get install gammu-smsd). */
    public static boolean available() {
        return Files.isExecutable(Path.of(GammuSmsd.BINARY))
                && PACKAGED.stream().anyMatch(Files::exists);
    }

    /** Creates the role and the schema with gammu's tables, unless they are there already. */
    public static void install(String jdbcUrl, String adminUser, String adminPassword) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, adminUser, adminPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                    + "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
            statement.execute("ALTER ROLE " + ROLE + " SET search_path = " + SCHEMA);
            statement.execute("ALTER ROLE " + ROLE + " SET timezone = 'UTC'");
            try (var exists = statement.executeQuery("SELECT 1 FROM information_schema.tables WHERE table_schema = '"
                    + SCHEMA + "' AND table_name = 'gammu'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA + " AUTHORIZATION " + ROLE);
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL search_path = " + SCHEMA);
            statement.execute("SET LOCAL ROLE " + ROLE);
            statement.execute(tables());
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot install gammu's schema in " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * gammu's file, less its {@code CREATE LANGUAGE plpgsql}: PostgreSQL has had that language built in since 9.0 and
     * refuses to create it again (gammu's own test script filters that error out the same way).
     */
    static String tables() {
        Path file = PACKAGED.stream()
                .filter(Files::exists)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("gammu's pgsql.sql is not installed: apt-get install -y gammu-smsd"));
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?im)^\\s*CREATE\\s+LANGUAGE\\s+plpgsql\\s*;", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
