package id.ltsa.relay.localstack.modem;

import id.ltsa.relay.localstack.LoggedProcess;
import id.ltsa.relay.localstack.StackProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real Gammu SMS daemon, with its PostgreSQL backend and gammu's dummy phone driver standing in for the office's
 * GSM modem. notification-service puts messages in gammu's {@code outbox} table; the daemon "sends" them through the
 * dummy phone and moves them to {@code sentitems}, stores SMS that arrive in {@code inbox}, and keeps the modem's
 * signal, battery and last contact in {@code phones}.
 */
public final class GammuSmsd implements StackProcess {

    static final String BINARY = "/usr/bin/gammu-smsd";
    /** How the office's modem is named in gammu's tables (sentitems.SenderID, phones.ID). */
    public static final String PHONE_ID = "office-modem";

    private final Path home;
    private final String databaseHost;
    private final int databasePort;
    private final String database;
    private final DummyPhone phone;
    private final LoggedProcess process;

    /** @param pidFile where the daemon's pid is kept for {@code ltsa down}, or null */
    public GammuSmsd(Path home, Path log, String databaseHost, int databasePort, String database, Path pidFile) {
        this.home = home.toAbsolutePath();
        this.databaseHost = databaseHost;
        this.databasePort = databasePort;
        this.database = database;
        this.phone = new DummyPhone(this.home.resolve("phone"));
        this.process = new LoggedProcess("gammu-smsd", log, pidFile, Duration.ofSeconds(10));
    }

    /** Starts the daemon; ready once it has registered the modem in gammu's phones table. */
    public synchronized void start() {
        try {
            phone.create();
            Path config = home.resolve("smsdrc");
            Files.writeString(config, configuration());
            // gammu stamps some times (an SMS's arrival) from its own clock: UTC, as its database session is
            process.start(List.of(BINARY, "--config", config.toString()), Map.of("TZ", "UTC"), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process.await(
                "gammu-smsd", Duration.ofSeconds(30), () -> process.logSinceStartSays("Starting phone communication"));
    }

    /**
     * The daemon's settings: the dummy phone, the database, and short loops, so a message put in the outbox leaves
     * within a second or two (a real modem then takes a few seconds per SMS).
     */
    private String configuration() {
        return String.join(
                "\n",
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
                // gammu's dummy phone looks for a received SMS by opening each of its folders' 10,000 slot files in
                // turn: every second, that was 105 ms of CPU per second, the idle office's largest cost
                // (bench/cpu-per-application.sh); every 5 s, 22 ms/s. Every 15 s, gammu's own default and what an
                // installed office's modem runs at (deploy/systemd), at the cost of a CEK answer up to 15 s later.
                "receivefrequency = 15",
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

    @Override
    public LoggedProcess process() {
        return process;
    }
}
