package id.ltsa.relay.localstack.modem;

import id.ltsa.relay.localstack.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The real Gammu SMS daemon, with its PostgreSQL backend and gammu's dummy phone driver standing in for the office's
 * GSM modem. notification-service puts messages in gammu's {@code outbox} table; the daemon "sends" them through the
 * dummy phone and moves them to {@code sentitems}, stores SMS that arrive in {@code inbox}, and keeps the modem's
 * signal, battery and last contact in {@code phones}.
 */
public final class GammuSmsd {

    static final String BINARY = "/usr/bin/gammu-smsd";
    /** How the office's modem is named in gammu's tables (sentitems.SenderID, phones.ID). */
    public static final String PHONE_ID = "office-modem";

    private final Path home;
    private final Path log;
    private final String databaseHost;
    private final int databasePort;
    private final String database;
    private final DummyPhone phone;
    private final Path pidFile;
    private Process process;

    /** @param pidFile where the daemon's pid is kept for {@code ltsa down}, or null */
    public GammuSmsd(Path home, Path log, String databaseHost, int databasePort, String database, Path pidFile) {
        this.home = home.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.databaseHost = databaseHost;
        this.databasePort = databasePort;
        this.database = database;
        this.phone = new DummyPhone(this.home.resolve("phone"));
        this.pidFile = pidFile;
    }

    /** Starts the daemon; ready once it has registered the modem in gammu's phones table. */
    public synchronized void start() {
        try {
            Files.createDirectories(log.getParent());
            phone.create();
            Path config = home.resolve("smsdrc");
            Files.writeString(config, configuration());
            Files.writeString(log, "=== gammu-smsd start ===\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(List.of(BINARY, "--config", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // gammu stamps some times (an SMS's arrival) from its own clock: UTC, as its database session is
            builder.environment().put("TZ", "UTC");
            process = builder.start();
            if (pidFile != null) {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, Long.toString(process.pid()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.await("gammu-smsd", Duration.ofSeconds(30), this::connected, process, log);
    }

    private boolean connected() {
        try {
            String text = Files.readString(log);
            int start = text.lastIndexOf("=== gammu-smsd start ===");
            return text.indexOf("Starting phone communication", start) > start;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The daemon's settings: the dummy phone, the database, and short loops, so a message put in the outbox leaves
     * within a second or two (a real modem then takes a few seconds per SMS).
     */
    private String configuration() {
        return String.join("\n",
                "[gammu]",
                "model = dummy",
                "connection = none",
                "device = " + phone.device() + "/",
                "",
                "[smsd]",
                "service = sql",
                "driver = native_pgsql",
                "host = " + databaseHost + ":" + databasePort,
                "user = " + GammuSchema.ROLE,
                "password = " + GammuSchema.PASSWORD,
                "database = " + database,
                "phoneid = " + PHONE_ID,
                "logfile = stderr",
                "debuglevel = 1",
                "commtimeout = 1",
                "sendtimeout = 10",
                "receivefrequency = 1",
                "statusfrequency = 5",
                "loopsleep = 1",
                "checksecurity = 0",
                // a send whose report never came may have gone: gammu must not send it again on its own
                "maxretries = 0",
                "");
    }

    public DummyPhone phone() {
        return phone;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public Path log() {
        return log;
    }

    public synchronized void stop() {
        Processes.stop(process, Duration.ofSeconds(10));
        deletePidFile();
    }

    /** The modem's power or USB cable gone: kill -9. */
    public synchronized void kill() {
        Processes.kill(process);
        deletePidFile();
    }

    private void deletePidFile() {
        try {
            if (pidFile != null) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            // only a hint for `ltsa down`, which checks the process before acting
        }
    }
}
