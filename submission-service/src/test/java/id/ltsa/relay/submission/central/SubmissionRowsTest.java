package id.ltsa.relay.submission.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.submission.OpsCalls;
import id.ltsa.relay.submission.queue.DueSubmissions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the forwarder does with rows of the submission table, written straight into it (forwarding paused) so their
 * ages and references are known: the claim order after an outage, and an answer the central API should never give.
 */
@QuarkusTest
class SubmissionRowsTest {

    @Inject
    DueSubmissions due;

    @Inject
    SubmissionOutcomes outcomes;

    @Inject
    AgroalDataSource dataSource;

    final Map<String, UUID> rows = new LinkedHashMap<>();

    @BeforeEach
    void pauseOnAnEmptyBacklog() {
        OpsCalls.awaitEmptyBacklog();
        OpsCalls.pause();
    }

    @AfterEach
    void removeRowsAndResume() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM submission WHERE application_id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", rows.values().toArray()));
            delete.executeUpdate();
        }
        OpsCalls.resume();
    }

    @Test
    void each_office_gets_its_turn_oldest_first_and_the_probe_takes_the_oldest_of_all() throws Exception {
        Instant now = Instant.now();
        // A busy office with a long backlog, a quiet one with two newer applications, and a third whose only
        // application is the oldest of all but backing off after a failure (not due for an hour).
        pending("busy-1", "9101", now.minusSeconds(5000), now);
        pending("busy-2", "9101", now.minusSeconds(4000), now);
        pending("busy-3", "9101", now.minusSeconds(3000), now);
        pending("busy-4", "9101", now.minusSeconds(2000), now);
        pending("quiet-1", "9102", now.minusSeconds(600), now);
        pending("quiet-2", "9102", now.minusSeconds(300), now);
        pending("waiting-1", "9103", now.minusSeconds(9000), now.plusSeconds(3600));

        assertEquals(
                List.of("busy-1", "quiet-1", "busy-2", "quiet-2"),
                names(due.claim(4)),
                "each office's oldest, then each office's second oldest; the backing-off one is not due");
        assertEquals(List.of("busy-3", "busy-4"), names(due.claim(4)), "claimed rows are not claimed again");
        assertEquals(
                List.of("waiting-1"),
                names(due.claimOldest().stream().toList()),
                "the probe takes the oldest pending application, due or not");
    }

    @Test
    void two_claimers_at_once_never_take_the_same_row() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            pending("row-" + i, "910" + (i % 3), now.minusSeconds(1000 - i), now);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> claimAll());
            var second = pool.submit(() -> claimAll());
            List<UUID> a = first.get();
            List<UUID> b = second.get();
            assertEquals(40, a.size() + b.size(), "every row claimed");
            Set<UUID> distinct = new HashSet<>(a);
            distinct.addAll(b);
            assertEquals(40, distinct.size(), "none claimed twice");
        } finally {
            pool.shutdown();
        }
    }

    /** Claims in small batches until nothing is left, as a forwarder does. */
    private List<UUID> claimAll() throws Exception {
        List<UUID> claimed = new ArrayList<>();
        List<DueSubmissions.Claimed> batch;
        while (!(batch = due.claim(3)).isEmpty()) {
            batch.forEach(one -> claimed.add(one.applicationId()));
        }
        return claimed;
    }

    @Test
    void a_central_reference_that_another_application_holds_leaves_the_second_pending_with_the_reason()
            throws Exception {
        Instant now = Instant.now();
        pending("first", "9101", now.minusSeconds(60), now.plusSeconds(3600));
        pending("second", "9101", now.minusSeconds(30), now.plusSeconds(3600));
        outcomes.record(rows.get("first"), 1, new CentralOutcome.Accepted("PAS-SAMEREF00001"));

        outcomes.record(rows.get("second"), 1, new CentralOutcome.Accepted("PAS-SAMEREF00001"));

        assertEquals("SUBMITTED|PAS-SAMEREF00001|", row("first"));
        assertEquals(
                "DELAYED||the central API gave a reference that another application already has",
                row("second"),
                "still pending, retried later, and ops can read why");
    }

    /**
     * The acceptance is recorded in one statement only if the submission is still as it was claimed: its SUBMITTED
     * event was built from the claim. One that changed meanwhile (here another attempt counted, as an instance whose
     * claim had run out would) is left alone by that statement and recorded the long way.
     */
    @Test
    void an_acceptance_is_one_statement_only_for_a_submission_still_as_it_was_claimed() throws Exception {
        Instant now = Instant.now();
        pending("unchanged", "9101", now.minusSeconds(60), now.minusSeconds(1));
        pending("changed", "9101", now.minusSeconds(30), now.minusSeconds(1));
        Map<String, DueSubmissions.Claimed> claimed = new LinkedHashMap<>();
        for (DueSubmissions.Claimed one : due.claim(2)) {
            claimed.put(names(List.of(one)).get(0), one);
        }
        assertEquals(Set.of("unchanged", "changed"), claimed.keySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement attempt = connection.prepareStatement(
                        "UPDATE submission SET attempts = attempts + 1 WHERE application_id = ?")) {
            attempt.setObject(1, rows.get("changed"));
            attempt.executeUpdate();
        }

        assertTrue(outcomes.acceptedAsClaimed(claimed.get("unchanged"), "PAS-CLAIMED00001"));
        assertEquals("SUBMITTED|PAS-CLAIMED00001|", row("unchanged"));
        assertEquals(2, attempts("unchanged"), "the claim's attempt, counted");

        assertFalse(outcomes.acceptedAsClaimed(claimed.get("changed"), "PAS-CLAIMED00002"));
        assertEquals("DELAYED||", row("changed"), "nothing changed by the statement");
        outcomes.record(rows.get("changed"), 1, new CentralOutcome.Accepted("PAS-CLAIMED00002"));
        assertEquals("SUBMITTED|PAS-CLAIMED00002|", row("changed"));
        assertEquals(3, attempts("changed"));
    }

    private int attempts(String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT attempts FROM submission WHERE application_id = ?")) {
            select.setObject(1, rows.get(name));
            try (var result = select.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private String row(String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT status || '|' || coalesce(central_reference, '') || '|' || coalesce(last_error, '')
                        FROM submission WHERE application_id = ?""")) {
            select.setObject(1, rows.get(name));
            try (var result = select.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private void pending(String name, String office, Instant queuedAt, Instant nextAttemptAt) throws Exception {
        UUID id = UUID.randomUUID();
        rows.put(name, id);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO submission (application_id, tracking_code, office_code, revision, status, payload,
                            attempts, next_attempt_at, episode, queued_at, received_at, updated_at)
                        VALUES (?, 'LT-FAIR0001', ?, 1, 'DELAYED', '{}', 1, ?, 1, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, office);
            insert.setTimestamp(3, Timestamp.from(nextAttemptAt));
            insert.setTimestamp(4, Timestamp.from(queuedAt));
            insert.setTimestamp(5, Timestamp.from(queuedAt));
            insert.setTimestamp(6, Timestamp.from(queuedAt));
            insert.executeUpdate();
        }
    }

    private List<String> names(List<DueSubmissions.Claimed> claimed) {
        List<String> names = new ArrayList<>();
        for (DueSubmissions.Claimed one : claimed) {
            rows.forEach((name, id) -> {
                if (id.equals(one.applicationId())) {
                    names.add(name);
                }
            });
        }
        return names;
    }
}
