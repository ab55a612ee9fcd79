package id.ltsa.relay.notification.backlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.Recipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The backlog follows an application's newest position whatever order its events arrive in, on the real database: the
 * decision is made inside the application row's upsert ({@link Recipient#heard}), so this is where its SQL is proven.
 */
@QuarkusTest
class BacklogTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);

    @Inject
    Backlog backlog;

    @Test
    void a_late_or_repeated_status_never_moves_an_application_backwards() {
        String office = anOffice();
        UUID id = UUID.randomUUID();
        track(id, office, ApplicationStatus.RECEIVED, 1, T0);
        assertEquals(1, pending(office));

        track(id, office, ApplicationStatus.SUBMITTED, 1, T0.plusSeconds(60));
        track(id, office, ApplicationStatus.DELAYED, 1, T0.plusSeconds(30)); // from before SUBMITTED, late
        track(id, office, ApplicationStatus.QUEUED, 1, T0.plusSeconds(10)); // late
        track(id, office, ApplicationStatus.SUBMITTED, 1, T0.plusSeconds(60)); // redelivered
        assertEquals(ApplicationStatus.SUBMITTED, progress(id).status);
        assertEquals(0, pending(office));

        // an amendment starts again at RECEIVED of the next revision: pending again, waiting from then
        track(id, office, ApplicationStatus.RECEIVED, 2, T0.plusSeconds(600));
        track(id, office, ApplicationStatus.RECEIVED, 1, T0); // the first revision's, redelivered
        Recipient progress = progress(id);
        assertEquals(ApplicationStatus.RECEIVED, progress.status);
        assertEquals(2, progress.revision);
        assertEquals(T0.plusSeconds(600), progress.receivedAt);
        assertEquals(1, pending(office));
    }

    @Test
    void waiting_starts_at_received_even_when_it_arrives_after_a_later_status() {
        String office = anOffice();
        UUID id = UUID.randomUUID();
        // the status topic overtook the applications topic: QUEUED first, RECEIVED of the same revision after it
        track(id, office, ApplicationStatus.QUEUED, 1, T0.plusSeconds(5));
        track(id, office, ApplicationStatus.RECEIVED, 1, T0);

        Recipient progress = progress(id);
        assertEquals(ApplicationStatus.QUEUED, progress.status, "RECEIVED does not move it back");
        assertEquals(T0, progress.receivedAt, "but the wait is counted from it");
        Backlog.OfficeBacklog waiting = QuarkusTransaction.requiringNew().call(() -> backlog.byOffice().stream()
                .filter(row -> row.officeCode().equals(office))
                .findFirst()
                .orElseThrow());
        assertEquals(1, waiting.pending());
        assertTrue(waiting.oldestPendingAge().compareTo(Duration.ofHours(3)) >= 0, waiting.toString());
    }

    private void track(UUID id, String office, ApplicationStatus status, int revision, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> Recipient.heard(id, office, status, revision, at, Instant.now()));
    }

    private static Recipient progress(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Recipient.<Recipient>findById(id));
    }

    private long pending(String office) {
        return QuarkusTransaction.requiringNew().call(() -> backlog.byOffice().stream()
                .filter(row -> row.officeCode().equals(office))
                .findFirst()
                .map(Backlog.OfficeBacklog::pending)
                .orElse(0L));
    }

    /** An office no other test uses, so its backlog is this test's alone. */
    private static String anOffice() {
        return "9" + ThreadLocalRandom.current().nextInt(100, 1000);
    }
}
