package id.ltsa.relay.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.PostgresServer;
import id.ltsa.relay.localstack.Processes;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/systemd}, the office server's installed form: its units pass systemd's own verifier and each restarts
 * on failure, in order under ltsa.target; install.sh lays the programs out and never overwrites an office's own
 * settings; provision-databases.sh makes the databases and gammu's tables in a real PostgreSQL, twice over; and the
 * restart report turns systemd's counts into the file the ops dashboard reads.
 *
 * <p>This container's PID 1 is not systemd, so systemd's restarting itself is not played here; `ltsa up`'s own
 * supervisor is, in {@link SupervisionIT}.
 */
class SystemdDeploymentIT {

    static final Path PROJECT = Path.of(System.getProperty("ltsa.project.dir", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path UNITS = PROJECT.resolve("deploy/systemd");
    static final List<String> PROCESSES =
            List.of("postgresql", "kafka", "gammu-smsd", "intake", "submission", "notification");

    @TempDir
    Path temp;

    @Test
    void every_process_has_a_unit_that_restarts_it_on_failure_and_ltsa_target_starts_them_all() throws Exception {
        String target = Files.readString(UNITS.resolve("ltsa.target"));
        for (String process : PROCESSES) {
            String unit = Files.readString(UNITS.resolve("ltsa-" + process + ".service"));
            assertTrue(unit.contains("\nRestart=on-failure\n"), process + " restarts on failure");
            assertTrue(unit.contains("\nRestartSec="), process + " waits before restarting");
            assertTrue(unit.contains("\nStartLimitBurst="), process + " gives up on a tight crash loop, visibly");
            assertTrue(unit.contains("\nPartOf=ltsa.target\n"), process + " stops with the target");
            assertTrue(target.contains("ltsa-" + process + ".service"), "ltsa.target wants " + process);
        }
        for (String service : List.of("intake", "submission", "notification")) {
            String unit = Files.readString(UNITS.resolve("ltsa-" + service + ".service"));
            assertTrue(
                    unit.contains("After=ltsa-postgresql.service ltsa-kafka.service"),
                    service + " starts after its database and broker");
            // its place in the consumer groups, as systemd expands it (%N unit, %H host), is a name Kafka accepts
            Matcher instance =
                    Pattern.compile("\nEnvironment=LTSA_INSTANCE_NAME=(\\S+)\n").matcher(unit);
            assertTrue(instance.find(), service + " names its place in the consumer groups");
            String name = instance.group(1).replace("%N", "ltsa-" + service).replace("%H", "ltsa-5203.kantor.example");
            assertDoesNotThrow(() -> JoinGroupRequest.validateGroupInstanceId(name), name);
        }
    }

    @Test
    void the_units_pass_systemd_analyze_verify() throws Exception {
        Path installed = temp.resolve("units");
        Files.createDirectories(installed);
        Path report = temp.resolve("ltsa-supervision-report");
        Files.copy(UNITS.resolve("ltsa-supervision-report"), report);
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        try (Stream<Path> units = Files.list(UNITS)) {
            for (Path unit : units.filter(SystemdDeploymentIT::isUnit).sorted().toList()) {
                // the report script is verified where it lies, not where install.sh puts it
                String text =
                        Files.readString(unit).replace("/opt/ltsa/bin/ltsa-supervision-report", report.toString());
                Path copy = installed.resolve(unit.getFileName());
                Files.writeString(copy, text);
                command.add(copy.toString());
            }
        }
        Result verify = run(command, Map.of(), installed);
        assertEquals(0, verify.exit(), verify.output());
        assertEquals("", verify.output().strip(), "no warnings either");
    }

    @Test
    void install_lays_everything_out_and_keeps_what_the_office_filled_in() throws Exception {
        Path root = temp.resolve("root");
        Result first = run(
                List.of("bash", UNITS.resolve("install.sh").toString(), "--root", root.toString()), Map.of(), PROJECT);
        assertEquals(0, first.exit(), first.output());
        for (String service : List.of("intake", "submission", "notification")) {
            assertTrue(Files.exists(root.resolve("opt/ltsa/" + service + "-service/quarkus-run.jar")), service);
            assertTrue(Files.exists(root.resolve("etc/ltsa/" + service + ".env")), service + "'s settings");
        }
        try (Stream<Path> kafka = Files.list(root.resolve("opt/ltsa/kafka/lib"))) {
            assertTrue(kafka.anyMatch(jar -> jar.getFileName().toString().startsWith("kafka_")), "the broker's jars");
        }
        for (String process : PROCESSES) {
            assertTrue(Files.exists(root.resolve("etc/systemd/system/ltsa-" + process + ".service")), process);
        }
        assertTrue(Files.isExecutable(root.resolve("opt/ltsa/bin/ltsa-supervision-report")));
        assertTrue(
                Files.readString(root.resolve("etc/ltsa/kafka.properties")).contains("log.flush.interval.messages=1"),
                "the office broker flushes before it acknowledges");

        String kafka = Files.readString(root.resolve("etc/ltsa/kafka.properties"));
        assertTrue(
                kafka.contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                        && kafka.contains("allow.everyone.if.no.acl.found=false"),
                "the office broker is closed");
        Properties users = new Properties();
        users.load(new StringReader(Files.readString(root.resolve("etc/ltsa/kafka-credentials.properties"))));
        assertTrue(kafka.contains("password=\"" + users.getProperty("admin") + "\""), "the broker's admin login");
        assertTrue(
                Files.readString(root.resolve("etc/ltsa/notification.env"))
                        .contains("LTSA_KAFKA_PASSWORD=" + users.getProperty("notification-service")),
                "each service logs in to the broker as itself");

        Path keyset = root.resolve("etc/ltsa/personal-data-keyset.json");
        assertTrue(Files.readString(keyset).contains("AesGcmKey"), "the keyset for applicants' data at rest");
        assertTrue(Files.exists(root.resolve("etc/ltsa/personal-data-index-keyset.json")), "the blind index's keyset");
        String keysetBefore = Files.readString(keyset);

        Path office = root.resolve("etc/ltsa/office.env");
        Files.writeString(office, "LTSA_OFFICE_CODE=5201\n");
        Result again = run(
                List.of("bash", UNITS.resolve("install.sh").toString(), "--root", root.toString()), Map.of(), PROJECT);
        assertEquals(0, again.exit(), again.output());
        assertEquals("LTSA_OFFICE_CODE=5201\n", Files.readString(office), "an upgrade keeps the office's settings");
        assertEquals(keysetBefore, Files.readString(keyset), "an upgrade never makes new keys: the data would be lost");
    }

    @Test
    void provisioning_makes_the_databases_and_gammus_tables_in_a_real_postgresql_and_can_run_again() throws Exception {
        int port = Processes.freePort();
        PostgresServer postgres = new PostgresServer(temp.resolve("pg"), temp.resolve("pg.log"), port, true);
        postgres.start();
        try {
            Path etc = temp.resolve("etc");
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("office.env"), "QUARKUS_DATASOURCE_PASSWORD=unused-with-trust\n");
            Files.writeString(etc.resolve("gammu-smsdrc"), "[smsd]\npassword = smsd-secret\n");
            Map<String, String> env =
                    Map.of("LTSA_ETC", etc.toString(), "PGPORT", Integer.toString(port), "PGUSER", PostgresServer.USER);
            for (int round = 1; round <= 2; round++) {
                Result provision = run(
                        List.of("bash", UNITS.resolve("provision-databases.sh").toString()), env, PROJECT);
                assertEquals(0, provision.exit(), "round " + round + ": " + provision.output());
            }
            try (Connection connection =
                    DriverManager.getConnection(postgres.jdbcUrl("notification"), PostgresServer.USER, "")) {
                ResultSet databases = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM pg_database WHERE datname IN ('intake', 'submission', 'notification')");
                databases.next();
                assertEquals(3, databases.getInt(1), "the three services' databases");
                ResultSet tables = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT tableowner FROM pg_tables WHERE schemaname = 'gammu' AND tablename = 'outbox'");
                assertTrue(tables.next(), "gammu's outbox table");
                assertEquals("smsd", tables.getString(1), "owned by gammu-smsd's own role");
            }
        } finally {
            postgres.crash();
        }
    }

    @Test
    void the_restart_report_writes_systemds_counts_in_the_dashboards_format() throws Exception {
        // a systemctl that answers from a fixture: kafka is between restarts, its third, the others run
        Path systemctl = temp.resolve("systemctl");
        Files.writeString(
                systemctl,
                String.join(
                        "\n",
                        "#!/bin/sh",
                        "case \"$2\" in",
                        "  ltsa-kafka.service) printf 'ActiveState=activating\\nSubState=auto-restart\\nNRestarts=3\\n"
                                + "InactiveEnterTimestamp=Fri 2026-12-04 01:00:00 UTC\\n"
                                + "ExecMainStartTimestamp=Fri 2026-12-04 00:59:00 UTC\\n' ;;",
                        "  ltsa-gammu-smsd.service) printf 'ActiveState=inactive\\nSubState=dead\\nNRestarts=0\\n"
                                + "InactiveEnterTimestamp=\\nExecMainStartTimestamp=\\n' ;;",
                        "  *) printf 'ActiveState=active\\nSubState=running\\nNRestarts=0\\nInactiveEnterTimestamp=\\n"
                                + "ExecMainStartTimestamp=Fri 2026-12-04 00:00:00 UTC\\n' ;;",
                        "esac",
                        ""));
        systemctl.toFile().setExecutable(true);
        Path file = temp.resolve("run/supervision.properties");
        Result report = run(
                List.of("sh", UNITS.resolve("ltsa-supervision-report").toString(), file.toString()),
                Map.of("SYSTEMCTL", systemctl.toString()),
                temp);
        assertEquals(0, report.exit(), report.output());

        Properties written = new Properties();
        written.load(new StringReader(Files.readString(file)));
        assertEquals("systemd", written.getProperty("supervisedBy"));
        assertEquals(
                "postgresql,kafka,gammu-smsd,intake-service,submission-service,notification-service",
                written.getProperty("processes"),
                "named as ltsa up's supervisor names them");
        assertEquals("WAITING", written.getProperty("process.kafka.state"));
        assertEquals("3", written.getProperty("process.kafka.restarts"));
        assertEquals("2026-12-04T01:00:00Z", written.getProperty("process.kafka.lastDownAt"));
        assertEquals("2026-12-04T00:59:00Z", written.getProperty("process.kafka.lastRestartAt"));
        assertEquals("STOPPED", written.getProperty("process.gammu-smsd.state"));
        assertEquals("RUNNING", written.getProperty("process.intake-service.state"));
        assertEquals("0", written.getProperty("process.intake-service.restarts"));
        assertEquals(null, written.getProperty("process.intake-service.lastRestartAt"), "never restarted");
        assertTrue(written.getProperty("updatedAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    private static boolean isUnit(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".service") || name.endsWith(".target") || name.endsWith(".timer");
    }

    record Result(int exit, String output) {}

    private static Result run(List<String> command, Map<String, String> env, Path dir)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(env);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "finished: " + command);
        return new Result(process.exitValue(), output);
    }
}
