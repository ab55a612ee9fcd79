package id.ltsa.relay.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.PostgresServer;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.ServiceProcess;
import id.ltsa.relay.localstack.StackSettings;
import id.ltsa.relay.localstack.uplink.NamespaceUplink;
import id.ltsa.relay.scenario.Applicants;
import id.ltsa.relay.scenario.OfficeOfflineInvariants;
import id.ltsa.relay.scenario.OfficeOfflineScenario;
import id.ltsa.relay.scenario.Relay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The office goes dark, across real processes started as {@code ./ltsa up} starts them: the office's uplink is cut at
 * the network (upstream in its own network namespace, every packet to it dropped), and every promise holds through
 * the office's GSM modem (the real Gammu SMSD with gammu's dummy phone). Then the same with notification-service
 * killed between writing to gammu's outbox and recording it. The tables go to target/e2e-office-offline.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeOfflineIT {

    static final Path REPORT = Path.of("target/e2e-office-offline.txt");
    static LocalStack stack;
    static Relay relay;
    static OfficeOfflineScenario scenario;

    @BeforeAll
    static void startTheOffice() throws Exception {
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-offline-"))
                        .withServiceEnvironment(OfficeOfflineScenario.settings()))
                .start();
        // a real cut needs a network namespace and a modem needs gammu-smsd: say plainly when this machine has neither
        assertTrue(
                stack.uplink() instanceof NamespaceUplink && stack.modem().isPresent(),
                () -> "this suite needs root (network namespaces), nftables and gammu-smsd: " + stack.notes());
        relay = new Relay(stack);
        scenario = new OfficeOfflineScenario(relay, new Applicants(), line -> System.out.println("[offline] " + line));
        Files.deleteIfExists(REPORT);
    }

    @AfterAll
    static void stopTheOffice() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void the_office_goes_dark_and_every_promise_holds_through_the_modem() throws Exception {
        OfficeOfflineInvariants result = scenario.dark(
                "1. the office's internet cut: 10 applications",
                10,
                Duration.ofSeconds(60),
                run -> DashboardInChromium.showsTheOfficeOffline(stack, relay));
        holds(result);
        assertEquals(10, result.receivedByModem());
        assertEquals(10, result.delayedByModem());
        assertEquals(10, result.submittedByGateway());
        assertEquals("UPLINK_DOWN", result.diagnosis());
        assertTrue(
                result.alertSms().contains("internet kantor mati")
                        && result.alertSms().contains("tagihannya"),
                result.alertSms());
    }

    @Test
    @Order(2)
    void kill_9_of_notification_service_between_writing_to_gammus_outbox_and_recording_it_sends_nothing_twice()
            throws Exception {
        try (Connection database = notificationDatabase();
                Statement sql = database.createStatement()) {
            // the database stretches the moment: the first row written to gammu's outbox holds its transaction
            // open for 20 s, with the message written and the notification not yet recorded as handed over
            sql.execute("CREATE SEQUENCE IF NOT EXISTS public.ltsa_test_hold_once");
            sql.execute("""
                    CREATE OR REPLACE FUNCTION public.ltsa_test_hold() RETURNS trigger AS $$
                    BEGIN
                      IF nextval('public.ltsa_test_hold_once') = 1 THEN PERFORM pg_sleep(20); END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""");
            sql.execute("CREATE TRIGGER ltsa_test_hold AFTER INSERT ON gammu.outbox FOR EACH ROW "
                    + "EXECUTE FUNCTION public.ltsa_test_hold()");
            try {
                OfficeOfflineInvariants result = scenario.dark(
                        "2. kill -9 notification-service between gammu's outbox and its own record",
                        3,
                        Duration.ofSeconds(120),
                        run -> killWhileHolding(sql));
                holds(result);
                assertEquals(3, result.receivedByModem());
                try (ResultSet holds = sql.executeQuery("SELECT last_value FROM public.ltsa_test_hold_once")) {
                    holds.next();
                    assertTrue(holds.getLong(1) > 1, "the held write was tried again after the kill");
                }
            } finally {
                sql.execute("DROP TRIGGER IF EXISTS ltsa_test_hold ON gammu.outbox");
            }
        }
    }

    /** Once a transaction sits in the trigger's sleep, kill -9 notification-service and start it again. */
    private static void killWhileHolding(Statement sql) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try (ResultSet held = sql.executeQuery("SELECT count(*) FROM pg_stat_activity "
                            + "WHERE datname = 'notification' AND wait_event = 'PgSleep'")) {
                        held.next();
                        return held.getInt(1) > 0;
                    }
                });
        ServiceProcess notification = stack.service(Service.NOTIFICATION);
        notification.kill();
        System.out.println("[offline] notification-service killed with a message written to gammu's outbox and"
                + " not yet recorded");
        notification.launch();
        notification.awaitReady(Duration.ofSeconds(120));
    }

    private static Connection notificationDatabase() throws Exception {
        return DriverManager.getConnection(stack.postgres().jdbcUrl("notification"), PostgresServer.USER, "");
    }

    private static void holds(OfficeOfflineInvariants result) throws Exception {
        System.out.println(result.table());
        Files.writeString(
                REPORT, result.table() + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertTrue(result.holds(), () -> String.join("\n", result.broken()));
        assertEquals(result.accepted(), result.atCentralOnce());
        assertEquals(0, result.duplicateCreates());
        assertEquals(0, result.createsWhileCut());
        assertEquals(1, result.maxMessagesPerTransition());
        assertEquals(0, result.transitionsOnTwoChannels());
        assertEquals(0, result.emailsWhileCut());
    }
}
