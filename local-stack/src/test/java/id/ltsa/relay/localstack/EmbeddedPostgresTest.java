package id.ltsa.relay.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded path of {@link PostgresBinaries}: PostgreSQL 15 unpacked from Maven Central's zonky binaries, run by
 * the same {@link PostgresServer} as Debian's, survives a crash and keeps its data. CI also runs a whole stack on it
 * ({@code LTSA_POSTGRES=embedded}, see .ci/run).
 */
class EmbeddedPostgresTest {

    @TempDir
    Path temp;

    @Test
    void the_embedded_binaries_unpack_once_and_run_a_server_that_keeps_its_data_across_a_crash() throws Exception {
        Path bin = PostgresBinaries.embedded();
        assertTrue(
                Files.isExecutable(bin.resolve("initdb"))
                        && Files.isExecutable(bin.resolve("pg_ctl"))
                        && Files.isExecutable(bin.resolve("postgres")),
                "initdb, pg_ctl and postgres in " + bin);
        assertEquals(bin, PostgresBinaries.embedded(), "unpacked once, found again");
        assertTrue(PostgresBinaries.embeddedVersion().startsWith("15."), PostgresBinaries.embeddedVersion());

        String previous = System.getProperty("ltsa.postgres");
        System.setProperty("ltsa.postgres", "embedded");
        try {
            assertEquals(bin, PostgresBinaries.bin(), "LTSA_POSTGRES=embedded chooses them over Debian's");
            assertTrue(PostgresBinaries.describe().startsWith("embedded PostgreSQL 15."), PostgresBinaries.describe());
            PostgresServer server =
                    new PostgresServer(temp.resolve("data"), temp.resolve("pg.log"), Processes.freePort(), false);
            server.start();
            try {
                server.createDatabaseIfMissing("embedded");
                try (Connection connection =
                                DriverManager.getConnection(server.jdbcUrl("embedded"), PostgresServer.USER, "");
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE kept (id int)");
                    statement.execute("INSERT INTO kept VALUES (1)");
                    ResultSet version = statement.executeQuery("SHOW server_version");
                    version.next();
                    assertTrue(version.getString(1).startsWith("15."), version.getString(1));
                }
                server.crash();
                server.start();
                try (Connection connection =
                                DriverManager.getConnection(server.jdbcUrl("embedded"), PostgresServer.USER, "");
                        ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM kept")) {
                    rows.next();
                    assertEquals(1, rows.getInt(1), "committed before the crash, there after it");
                }
            } finally {
                server.stop();
            }
        } finally {
            if (previous == null) {
                System.clearProperty("ltsa.postgres");
            } else {
                System.setProperty("ltsa.postgres", previous);
            }
        }
    }
}
