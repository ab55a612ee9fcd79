package id.ltsa.relay.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.StackSettings;
import id.ltsa.relay.localstack.supervision.ProcessStatus;
import id.ltsa.relay.scenario.Applicants;
import id.ltsa.relay.scenario.Relay;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The office server looks after itself: with the stack supervised as `ltsa up` runs it, each of its processes is
 * killed with kill -9 in turn, the way a crash or the OOM killer does it, and comes back without help: counted, in
 * the supervisor's file for the ops dashboard, and the office takes and forwards an application afterwards.
 */
class SupervisionIT {

    static LocalStack stack;
    static Relay relay;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-supervision-"))
                        .withSupervision(true))
                .start();
        relay = new Relay(stack);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void every_process_killed_with_kill_9_comes_back_on_its_own_and_is_counted() throws Exception {
        List<String> names =
                stack.supervision().stream().map(ProcessStatus::name).toList();
        assertEquals(
                List.of(
                        "postgresql",
                        "kafka",
                        "gammu-smsd",
                        "intake-service",
                        "submission-service",
                        "notification-service"),
                names,
                "supervised: the office server's processes, not the upstream stand-in");
        for (String name : names) {
            // counted relative to before: a process may also die of another's death (gammu-smsd exits when its
            // database goes away), and that restart is the supervisor doing its job too
            await(name + " up before it is killed")
                    .atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> status(name).state() == ProcessStatus.State.RUNNING && pidOf(name) > 0);
            int before = status(name).restarts();
            long pid = pidOf(name);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await(name + " back with a new pid")
                    .atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> status(name).restarts() > before
                            && status(name).state() == ProcessStatus.State.RUNNING
                            && pidOf(name) != pid
                            && pidOf(name) > 0);
            int counted = status(name).restarts();
            Properties file = supervisionFile();
            assertEquals(
                    Integer.toString(counted),
                    file.getProperty("process." + name + ".restarts"),
                    name + " counted on disk");
        }

        // and the office still works end to end: taken, forwarded to central
        Applicants.Applicant applicant = new Applicants().next(stack.officeCode());
        await("an application taken after the restarts")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> relay.register(applicant.office(), applicant.body(), "supervision-1")
                                .status()
                        == 201);
        String id = relay.register(applicant.office(), applicant.body(), "supervision-1")
                .body()
                .get("id")
                .asText();
        await("forwarded to central")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> "SUBMITTED"
                        .equals(relay.application(applicant.office(), id)
                                .body()
                                .get("status")
                                .asText()));
        // and the ops dashboard's API shows each restart, as the supervisor counted it
        await("the restarts on the ops API")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    var processes = relay.processes();
                    assertEquals("ltsa up", processes.get("supervisedBy").asText());
                    for (var process : processes.get("processes")) {
                        assertEquals(
                                status(process.get("name").asText()).restarts(),
                                process.get("restarts").asInt(),
                                process.toString());
                        assertTrue(process.get("restarts").asInt() >= 1, process + " restarted");
                    }
                    assertEquals(names.size(), processes.get("processes").size());
                });
        String log = Files.readString(stack.settings().logs().resolve("supervisor.log"));
        for (String name : names) {
            assertTrue(
                    log.contains(name + " is not running; restart 1 in 1 s"),
                    "the supervisor's log says " + name + " died:\n" + log);
        }
    }

    private static ProcessStatus status(String name) {
        return stack.supervision().stream()
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static long pidOf(String name) throws IOException {
        return switch (name) {
            case "postgresql" -> stack.postgres().isRunning() ? stack.postgres().pid() : -1;
            case "kafka" -> stack.kafka().isRunning() ? stack.kafka().pid() : -1;
            case "gammu-smsd" ->
                stack.modem().orElseThrow().isRunning()
                        ? stack.modem().orElseThrow().pid()
                        : -1;
            default -> {
                var service = stack.service(id.ltsa.relay.localstack.Service.valueOf(
                        name.replace("-service", "").toUpperCase()));
                yield service.isRunning() ? service.pid() : -1;
            }
        };
    }

    private static Properties supervisionFile() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(stack.settings().run().resolve("supervision.properties"))) {
            properties.load(in);
        }
        return properties;
    }
}
