package id.ltsa.relay.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the simulated central API has received and created. In memory: the simulator is a test double, and its counts
 * are meant to start at zero with each run.
 */
@ApplicationScoped
public class CentralRegistry {

    /** One created revision; {@code traceparent} is the W3C trace the call carried, to follow it end to end. */
    public record Revision(
            int revision,
            String idempotencyKey,
            String centralReference,
            Instant receivedAt,
            JsonNode data,
            String traceparent) {}

    public record Creation(Revision revision, boolean replayed) {}

    /** The contract's counters, and {@code failedOnPurpose}: the 503s FLAKY chose to answer, so a test can see them. */
    public record Stats(
            long received,
            long uniqueApplications,
            long duplicateCreates,
            long replays,
            long rejected,
            long droppedWhileDown,
            long failedOnPurpose) {}

    private final Clock clock;
    private final Map<String, Revision> byKey = new HashMap<>();
    private final Map<String, List<Revision>> byApplication = new HashMap<>();
    private final Map<String, String> applicationByReference = new HashMap<>();
    private long received;
    private long duplicateCreates;
    private long replays;
    private long rejected;
    private long droppedWhileDown;
    private long failedOnPurpose;

    CentralRegistry(Clock clock) {
        this.clock = clock;
    }

    public synchronized void countReceived() {
        received++;
    }

    public synchronized void countRejected() {
        rejected++;
    }

    public synchronized void countDropped() {
        droppedWhileDown++;
    }

    public synchronized void countFailedOnPurpose() {
        failedOnPurpose++;
    }

    /** Creates the application revision, or answers the earlier creation when the key was seen before. */
    public synchronized Creation create(
            String idempotencyKey, String applicationId, int revision, JsonNode data, String traceparent) {
        Revision existing = byKey.get(idempotencyKey);
        if (existing != null) {
            replays++;
            return new Creation(existing, true);
        }
        List<Revision> revisions = byApplication.computeIfAbsent(applicationId, id -> new ArrayList<>());
        if (revisions.stream().anyMatch(r -> r.revision() == revision)) {
            // the bug this simulator exists to catch: the same revision created twice under different keys
            duplicateCreates++;
        }
        String reference = newReference();
        Revision created = new Revision(revision, idempotencyKey, reference, clock.instant(), data, traceparent);
        revisions.add(created);
        byKey.put(idempotencyKey, created);
        applicationByReference.put(reference, applicationId);
        return new Creation(created, false);
    }

    /**
     * A reference no other application holds, as the real central API promises. Eight hex digits were not enough: a
     * 100,000-application backlog met a repeated one (the birthday bound of 2^32 is near 77,000).
     */
    private String newReference() {
        String reference;
        do {
            reference = "PAS-"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 12)
                            .toUpperCase();
        } while (applicationByReference.containsKey(reference));
        return reference;
    }

    public synchronized Optional<List<Revision>> revisionsOf(String applicationId) {
        return Optional.ofNullable(byApplication.get(applicationId)).map(List::copyOf);
    }

    public synchronized Optional<String> applicationOf(String centralReference) {
        return Optional.ofNullable(applicationByReference.get(centralReference));
    }

    public synchronized Stats stats() {
        return new Stats(
                received, byApplication.size(), duplicateCreates, replays, rejected, droppedWhileDown, failedOnPurpose);
    }

    public synchronized void reset() {
        byKey.clear();
        byApplication.clear();
        applicationByReference.clear();
        received = 0;
        duplicateCreates = 0;
        replays = 0;
        rejected = 0;
        droppedWhileDown = 0;
        failedOnPurpose = 0;
    }
}
