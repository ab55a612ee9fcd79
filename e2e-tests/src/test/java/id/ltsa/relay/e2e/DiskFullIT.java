package id.ltsa.relay.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.StackSettings;
import id.ltsa.relay.scenario.Applicants;
import id.ltsa.relay.scenario.Relay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A disk that fills up, on a small filesystem of its own: a 512 MiB tmpfs holds the office's data (PostgreSQL's and
 * Kafka's). Filled to under intake's reserve, a registration is answered 503 with Retry-After and nothing is stored,
 * and the disk metric says how little is left. Freed, the office takes registrations again, and the one refused can
 * be sent again with the same Idempotency-Key.
 */
class DiskFullIT {

    static final long RESERVE = 64L << 20;
    static final String OFFICE = "5203";

    static Path disk;
    static LocalStack stack;
    static Relay relay;

    @BeforeAll
    static void startTheStackOnASmallDisk() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        disk = Files.createTempDirectory("ltsa-e2e-disk-");
        run("mount", "-t", "tmpfs", "-o", "size=512m", "tmpfs", disk.toString());
        stack = new LocalStack(StackSettings.throwaway(disk)
                        .withServiceEnvironment(Map.of("LTSA_DISK_RESERVE", (RESERVE >> 20) + "M")))
                .start();
        relay = new Relay(stack);
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (disk != null) {
            run("umount", disk.toString());
        }
    }

    @Test
    void a_full_disk_is_answered_503_with_retry_after_and_stores_nothing_until_space_is_freed() throws Exception {
        Applicants applicants = new Applicants();
        Relay.Answer first = relay.register(OFFICE, applicants.next(OFFICE).body());
        assertEquals(201, first.status(), "an empty disk takes one");
        long before = relay.count(OFFICE);

        Path filler = disk.resolve("filler");
        long free = Files.getFileStore(disk).getUsableSpace();
        run("fallocate", "-l", Long.toString(free - RESERVE / 2), filler.toString());
        await("the disk metric sees it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> relay.metric(Service.INTAKE, "disk_free_bytes") < RESERVE
                        && relay.metric(Service.INTAKE, "ltsa_intake_disk_refusing") == 1);

        Applicants.Applicant refused = applicants.next(OFFICE);
        Relay.Answer full = relay.register(OFFICE, refused.body(), "disk-full-1");
        assertEquals(503, full.status(), String.valueOf(full.body()));
        assertEquals("60", full.retryAfter(), "when to come back");
        assertTrue(full.contentType().startsWith("application/problem+json"), full.contentType());
        assertTrue(
                full.body().path("type").asText().endsWith("/disk-full"),
                full.body().toString());
        assertEquals(before, relay.count(OFFICE), "nothing stored");
        // reads go on: the counter can still look an application up
        assertEquals(
                200,
                relay.track(first.body().path("trackingCode").asText(), "10.0.0.1")
                        .status());

        Files.delete(filler);
        await("intake sees the room")
                .atMost(Duration.ofSeconds(30))
                .until(() -> relay.metric(Service.INTAKE, "ltsa_intake_disk_refusing") == 0);
        assertEquals(201, relay.register(OFFICE, refused.body(), "disk-full-1").status(), "taken once there is room");
        assertEquals(before + 1, relay.count(OFFICE), "the refused one, stored once");
        assertEquals(201, relay.register(OFFICE, refused.body(), "disk-full-1").status(), "the same answer again");
        assertEquals(before + 1, relay.count(OFFICE), "and still once");
    }

    @Test
    void the_office_broker_keeps_events_by_size_as_well_as_by_time() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin =
                org.apache.kafka.clients.admin.Admin.create(stack.kafka().adminConfig())) {
            var broker = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.BROKER, "1");
            var config = admin.describeConfigs(List.of(broker))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(broker);
            assertEquals("2160", config.get("log.retention.hours").value(), "90 days, for a two-week outage");
            assertEquals(
                    Long.toString(512L << 20),
                    config.get("log.retention.bytes").value(),
                    "at most 512 MiB per partition, so a flood cannot fill the disk");
            assertEquals(
                    Long.toString(64L << 20), config.get("log.segment.bytes").value(), "deleted 64 MiB at a time");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
