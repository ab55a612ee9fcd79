package id.ltsa.relay.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Processes;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.ServiceProcess;
import id.ltsa.relay.localstack.StackSettings;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.scenario.Applicants;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * intake-service's outbox relay across processes: a relay killed in the middle of publishing a backlog loses and
 * reorders nothing when it comes back, and two intake instances on one database publish each row once, not once each.
 * The backlog is made by registering and withdrawing while the broker is stopped; batches of 5 rows let the kill
 * land between batches, not after all of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeRelayIT {

    static final int APPLICATIONS = 90;
    static LocalStack stack;
    static ServiceProcess second;
    static KafkaTestClient kafka;
    static int serial = 4000;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = new LocalStack(StackSettings.throwaway(Files.createTempDirectory("ltsa-e2e-relay-"))
                        .withServiceEnvironment(Map.of("LTSA_OUTBOX_BATCH_SIZE", "5")))
                .start();
        kafka = new KafkaTestClient(stack.kafka().adminConfig());
    }

    @AfterAll
    static void stopTheStack() {
        if (kafka != null) {
            kafka.close();
        }
        if (second != null) {
            second.stop();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a_relay_killed_while_publishing_a_backlog_loses_and_reorders_nothing() {
        ServiceProcess intake = stack.service(Service.INTAKE);
        stack.kafka().stop();
        Map<String, List<String>> expected = registerAndWithdraw(List.of(intake));
        // each received and withdrawn event has its twin for notification-service on ltsa.applicant-contacts
        int rows = 2 * expected.values().stream().mapToInt(List::size).sum();
        assertEquals(rows, outboxBacklog(intake), "every event waits in the outbox while the broker is away");
        stack.kafka().start();

        // kill -9 as soon as the relay has published part of the backlog: the outbox shrinks batch by batch
        int[] left = {rows};
        await().pollInterval(Duration.ofMillis(5))
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    left[0] = outboxBacklog(intake);
                    return left[0] < rows;
                });
        intake.kill();
        System.out.println("[relay] kill -9 with " + left[0] + " of " + rows + " outbox rows unpublished");
        assertTrue(left[0] > 0, "the kill came while " + left[0] + " of " + rows + " rows were unpublished");
        intake.launch();
        intake.awaitReady(Duration.ofSeconds(120));

        awaitOutboxEmpty(List.of(intake));
        List<ConsumerRecord<String, String>> records = published(expected.keySet());
        assertEachEventInOrder(expected, records);
    }

    @Test
    @Order(2)
    void two_intake_instances_publish_every_row_once_not_once_each() {
        second = stack.startAnotherInstance(Service.INTAKE, Processes.freePort());
        List<ServiceProcess> both = List.of(stack.service(Service.INTAKE), second);
        stack.kafka().stop();
        Map<String, List<String>> expected = registerAndWithdraw(both);
        stack.kafka().start();

        awaitOutboxEmpty(both);
        List<ConsumerRecord<String, String>> records = published(expected.keySet());
        assertEachEventInOrder(expected, records);
        assertEquals(
                expected.values().stream().mapToInt(List::size).sum(),
                records.size(),
                "no event published twice: one relay at a time across the instances");
    }

    /**
     * Registers the applications through the given instances in turn, and withdraws every third through the next one:
     * two events for one application, written by different processes. Returns each application's event types in order.
     */
    private Map<String, List<String>> registerAndWithdraw(List<ServiceProcess> instances) {
        String office = stack.tokens().token("5203", "office");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            serial++;
            ServiceProcess intake = instances.get(i % instances.size());
            String id = given().auth()
                    .oauth2(office)
                    .contentType(ContentType.JSON)
                    .body(Applicants.body(SampleApplicant.nik(serial), "+62813346" + (10000 + serial)))
                    .post(intake.url() + "/api/v1/applications")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            expected.put(id, new ArrayList<>(List.of(ApplicationReceived.TYPE)));
            if (i % 3 == 0) {
                ServiceProcess other = instances.get((i + 1) % instances.size());
                given().auth()
                        .oauth2(office)
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"changed plans\"}")
                        .post(other.url() + "/api/v1/applications/" + id + "/withdrawal")
                        .then()
                        .statusCode(200);
                expected.get(id).add(ApplicationWithdrawn.TYPE);
            }
        }
        return expected;
    }

    private static List<ConsumerRecord<String, String>> published(Set<String> applications) {
        return kafka.records(Topics.APPLICATIONS, record -> applications.contains(record.key()));
    }

    private static void awaitOutboxEmpty(List<ServiceProcess> instances) {
        for (ServiceProcess intake : instances) {
            await().atMost(Duration.ofSeconds(120)).until(() -> outboxBacklog(intake) == 0);
        }
    }

    /** The rows in intake's outbox table, as its gauge counts them on each scrape. */
    private static int outboxBacklog(ServiceProcess intake) {
        return given().get(intake.managementUrl() + "/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith("ltsa_outbox_backlog"))
                .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    /**
     * Every event is on the topic (a re-publication after a crash carries the same ce_id and is dropped by consumers),
     * and each application's events, counted once each, are in the order they were committed.
     */
    private static void assertEachEventInOrder(
            Map<String, List<String>> expected, List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (ids.add(KafkaTestClient.header(record, "ce_id"))) {
                seen.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(KafkaTestClient.header(record, "ce_type"));
            }
        }
        expected.forEach((id, types) -> assertEquals(types, seen.get(id), "events of application " + id));
    }
}
