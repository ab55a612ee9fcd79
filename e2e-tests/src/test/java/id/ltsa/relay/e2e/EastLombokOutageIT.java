package id.ltsa.relay.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.ServiceProcess;
import id.ltsa.relay.localstack.StackSettings;
import id.ltsa.relay.scenario.Applicants;
import id.ltsa.relay.scenario.Invariants;
import id.ltsa.relay.scenario.OutageScenario;
import id.ltsa.relay.scenario.Relay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The East Lombok outage across real processes, started exactly as {@code ./ltsa up} starts them: a baseline, the
 * outage itself, bad input while it lasts, then one crash after another during the drain — each followed by the same
 * invariants. The tables go to target/e2e-invariants.txt and the test log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EastLombokOutageIT {

    static final Path REPORT = Path.of("target/e2e-invariants.txt");
    static LocalStack stack;
    static Relay relay;
    static OutageScenario scenario;
    static BadInput badInput;
    static final Applicants APPLICANTS = new Applicants();

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-outage-"))
                        .withServiceEnvironment(OutageScenario.compressedTime()))
                .start();
        relay = new Relay(stack);
        scenario = new OutageScenario(
                relay,
                APPLICANTS,
                line -> System.out.println(
                        "[scenario " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line));
        badInput = new BadInput(relay, APPLICANTS);
        Files.deleteIfExists(REPORT);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void baseline_fifty_applications_from_three_offices() throws Exception {
        holds(scenario.steady("1. baseline: 50 applications, 3 offices, link up", 50));
    }

    @Test
    @Order(2)
    void the_outage_two_weeks_compressed_with_bad_input_while_it_lasts() throws Exception {
        Invariants result = scenario.outage(
                "2. the outage: 200 applications over 14 'days' with central DOWN",
                200,
                14,
                true,
                run -> badInput.sendAndExpectNothingChanged(run));
        holds(result);
        assertTrue(
                result.centralCallsDuringOutage() > 0 && result.centralCallsDuringOutage() < 40,
                "only probes reach the dead link: " + result.centralCallsDuringOutage());
        assertEquals(0, result.createsDuringOutage());
        assertTrue(
                result.drainRatePerSecond() >= 0.9 * OutageScenario.CONFIGURED_RATE,
                "drains at >= 90 % of the configured rate: " + result.drainRatePerSecond());
        assertEquals(1, result.linkDownAlerts());
        assertEquals(1, result.linkRestoredAlerts());
    }

    @Test
    @Order(3)
    void kill_9_of_submission_service_during_the_drain() throws Exception {
        crashRound("3a. kill -9 submission-service during the drain", run -> {
            restart(Service.SUBMISSION);
            backInItsGroups(Service.SUBMISSION);
        });
    }

    @Test
    @Order(4)
    void kill_9_of_notification_service_during_the_drain() throws Exception {
        crashRound("3b. kill -9 notification-service during the drain", run -> {
            restart(Service.NOTIFICATION);
            backInItsGroups(Service.NOTIFICATION);
        });
    }

    @Test
    @Order(5)
    void kill_9_of_intake_service_while_its_relay_holds_unpublished_rows() throws Exception {
        crashRound("3c. kill -9 intake-service with unpublished outbox rows", run -> {
            stack.kafka().stop();
            run.register(6); // committed with their outbox rows; nothing can be published
            restart(Service.INTAKE); // kill -9 with those rows unpublished; it comes back ready without Kafka
            run.register(6); // and an office can still register
            stack.kafka().start();
        });
    }

    @Test
    @Order(6)
    void a_kafka_broker_restart_during_the_drain() throws Exception {
        crashRound("3d. Kafka broker restart during the drain", run -> {
            stack.kafka().stop();
            stack.kafka().start();
        });
    }

    @Test
    @Order(7)
    void a_postgresql_crash_and_restart_during_the_drain_with_readiness_falling_and_liveness_not() throws Exception {
        crashRound("3e. PostgreSQL crash (immediate stop) and restart during the drain", run -> {
            stack.postgres().crash();
            for (Service service : List.of(Service.INTAKE, Service.SUBMISSION, Service.NOTIFICATION)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> relay.health(service, "ready").status() == 503);
                assertEquals(
                        200, relay.health(service, "live").status(), service + " stays alive without its database");
            }
            stack.postgres().start();
            for (Service service : List.of(Service.INTAKE, Service.SUBMISSION, Service.NOTIFICATION)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> relay.health(service, "ready").status() == 200);
            }
        });
    }

    private static void crashRound(String name, Consumer<OutageScenario.Run> crash) throws Exception {
        holds(scenario.outage(name, 30, 3, false, run -> {
            crash.accept(run);
            badInput.sendAndExpectNothingChanged(run);
        }));
    }

    private static void restart(Service service) {
        ServiceProcess process = stack.service(service);
        process.kill();
        process.launch();
        process.awaitReady(Duration.ofSeconds(120));
    }

    /**
     * The restarted process is back in each of its consumer groups as their only member, with partitions, well before
     * the killed process's session (45 s) would have run out: a static member (group.instance.id) takes its own
     * place back at once, so the drain and the messages go on without a minute's pause.
     */
    private static void backInItsGroups(Service service) {
        try (Admin admin = Admin.create(stack.kafka().adminConfig())) {
            List<String> groups = admin.listGroups().all().get().stream()
                    .map(GroupListing::groupId)
                    .filter(group -> group.startsWith(service.module()))
                    .toList();
            assertFalse(groups.isEmpty(), service + " has consumer groups");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (ConsumerGroupDescription group :
                        admin.describeConsumerGroups(groups).all().get().values()) {
                    assertEquals(GroupState.STABLE, group.groupState(), group.groupId());
                    assertEquals(1, group.members().size(), group.groupId() + ": " + group.members());
                    MemberDescription member = group.members().iterator().next();
                    assertEquals(Optional.of(service.module()), member.groupInstanceId(), group.groupId());
                    assertFalse(member.assignment().topicPartitions().isEmpty(), group.groupId());
                }
            });
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot describe the consumer groups of " + service, e);
        }
    }

    private static void holds(Invariants result) throws Exception {
        System.out.println(result.table());
        Files.writeString(
                REPORT,
                result.table() + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertTrue(result.holds(), () -> String.join("\n", result.broken()));
        assertEquals(0, result.refused(), "every POST answered 201");
        assertEquals(0, result.duplicateCreates());
    }

    /** Malformed, invalid, foreign and replayed requests: clear errors, nothing stored, nothing sent. */
    record BadInput(Relay relay, Applicants applicants) {

        void sendAndExpectNothingChanged(OutageScenario.Run run) {
            List<Long> before = new ArrayList<>();
            OutageScenario.OFFICES.forEach(office -> before.add(relay.count(office)));
            Applicants.Applicant someone = applicants.next("5203");

            Relay.Answer malformed = relay.register("5203", "{\"documentType\": \"PASSPORT\", \"applicant\": {");
            assertProblem(malformed, 400, null);
            Relay.Answer badNik = relay.register("5203", Applicants.body("5203011304951234", someone.phone()));
            assertProblem(badNik, 400, "applicant.nik");
            String key = "bad-input-" + someone.nik();
            Relay.Answer first =
                    relay.register("5203", Applicants.body("99" + someone.nik().substring(2), someone.phone()), key);
            assertProblem(first, 400, "applicant.nik"); // an unknown province: refused, and not remembered

            String existing = run.registerWithKey("5201", key).id(); // the key now names a valid application
            Relay.Answer replayedOtherBody = relay.register("5201", someone.body(), key);
            assertProblem(replayedOtherBody, 422, null);
            Relay.Answer foreign = relay.application("5203", existing);
            assertEquals(404, foreign.status(), "another office's application is not found");
            Relay.Answer foreignWithdrawal = relay.send(
                    Service.INTAKE,
                    "POST",
                    "/api/v1/applications/" + existing + "/withdrawal",
                    relay.officeToken("5203"),
                    null,
                    null,
                    java.util.Map.of());
            assertEquals(404, foreignWithdrawal.status());

            List<Long> after = new ArrayList<>();
            OutageScenario.OFFICES.forEach(office -> after.add(relay.count(office)));
            before.set(0, before.get(0) + 1); // the one valid application, registered under the key at 5201
            assertEquals(before, after, "bad input stored nothing");
            assertTrue(
                    relay.messages().findValues("to").stream()
                            .noneMatch(to -> to.asText().equals(someone.phone())),
                    "nobody was told about refused input");
        }

        private static void assertProblem(Relay.Answer answer, int status, String field) {
            assertEquals(status, answer.status(), () -> "answer: " + answer.body());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            if (field != null) {
                assertTrue(
                        answer.body().path("errors").findValuesAsText("field").contains(field),
                        () -> "names " + field + ": " + answer.body());
            }
        }
    }
}
