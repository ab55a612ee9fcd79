package id.ltsa.relay.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server from the installed binaries, run by {@code pg_ctl} in its own data folder.
 *
 * <p>The data folder outlives the process, so a stopped server starts again with its data, the way a restarted
 * office server does.
 */
public final class PostgresServer {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path log;
    private final String host;
    private final int port;
    private final boolean throwaway;
    private final List<String> launchPrefix;
    // volatile: the supervisor reads it from its own thread
    private volatile boolean wanted;

    /**
     * @param throwaway true for tests: durability settings off (fsync, full page writes) since the data dies with the
     *     test; false for the local run, where durability is the product.
     */
    public PostgresServer(Path dataDir, Path log, int port, boolean throwaway) {
        this(dataDir, log, "127.0.0.1", port, throwaway, List.of());
    }

    /**
     * A server started with {@code launchPrefix} (inside the upstream namespace, for the ministry), answering on
     * {@code host}.
     */
    public PostgresServer(Path dataDir, Path log, String host, int port, boolean throwaway, List<String> launchPrefix) {
        this.dataDir = dataDir.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.host = host;
        this.port = port;
        this.throwaway = throwaway;
        this.launchPrefix = List.copyOf(launchPrefix);
    }

    public synchronized void start() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
            OsUser.handToPostgres(dataDir);
            OsUser.handFileToPostgres(log);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialise();
            }
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the address is given at each start, so a data folder keeps working when the namespace's address changes
        List<String> command = new java.util.ArrayList<>(launchPrefix);
        command.addAll(OsUser.asPostgres(List.of(
                bin("pg_ctl"),
                "-D",
                dataDir.toString(),
                "-l",
                log.toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -c listen_addresses=" + host,
                "start")));
        Processes.run(command, log, Duration.ofSeconds(90));
        wanted = true;
    }

    /** Whether it should be running: started, and not stopped or crashed on purpose since. */
    public boolean wanted() {
        return wanted;
    }

    /** Whether the postmaster named in {@code postmaster.pid} is alive (pg_ctl runs it detached, not as our child). */
    public boolean isRunning() {
        long pid = pid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's pid from {@code postmaster.pid}, or -1 when there is none (yet). */
    public long pid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() || lines.get(0).isBlank()
                    ? -1
                    : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1; // no pid file, or one being written
        }
    }

    private void initialise() throws IOException {
        Processes.run(
                OsUser.asPostgres(List.of(
                        bin("initdb"),
                        "-D",
                        dataDir.toString(),
                        "-U",
                        USER,
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8")),
                log,
                Duration.ofSeconds(120));
        StringBuilder conf = new StringBuilder("\n# LTSA Relay local stack\n")
                .append("listen_addresses = '127.0.0.1'\n")
                // TCP only: a socket file path can exceed the OS limit in deep temp folders
                .append("unix_socket_directories = ''\n")
                .append("max_connections = 100\n")
                // small enough for a 2-core office box running the whole stack: an office's data is a few MB a
                // month, and the kernel's page cache holds the rest
                .append("shared_buffers = 16MB\n")
                .append("log_min_messages = warning\n");
        if ("on".equals(System.getenv("LTSA_POSTGRES_STATEMENT_STATS"))) {
            // bench/cpu-per-application.sh counts the statements each application costs (pg_stat_statements)
            conf.append("shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n");
        }
        if (throwaway) {
            // fsync off survives a crash of PostgreSQL itself (the kernel still has the writes), which is what the
            // tests
            // play; synchronous_commit stays on, or a "committed" row could vanish in that crash and fake a bug
            conf.append("fsync = off\nfull_page_writes = off\n");
        }
        Files.writeString(dataDir.resolve("postgresql.conf"), conf, java.nio.file.StandardOpenOption.APPEND);
        // the ministry's server answers on the upstream namespace's address: let this machine's own 10.231/16 in
        Files.writeString(
                dataDir.resolve("pg_hba.conf"),
                "host all all 10.231.0.0/16 trust\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    public synchronized void stop() {
        wanted = false;
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            Processes.run(
                    OsUser.asPostgres(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop")),
                    log,
                    Duration.ofSeconds(60));
        }
    }

    /** Immediate shutdown: no checkpoint, crash recovery on the next start, like a pulled plug. */
    public synchronized void crash() {
        wanted = false;
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            Processes.run(
                    OsUser.asPostgres(
                            List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop")),
                    log,
                    Duration.ofSeconds(60));
        }
    }

    public void createDatabaseIfMissing(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    static String bin(String tool) {
        return PostgresBinaries.bin().resolve(tool).toString();
    }
}
