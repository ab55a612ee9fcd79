package id.ltsa.relay.submission;

import static id.ltsa.relay.submission.TestEvents.kafka;
import static id.ltsa.relay.submission.TestEvents.publishReceived;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ErasureReason;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.submission.queue.Submission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** intake erased an applicant's personal data: the snapshot kept here to send to central goes too. */
@QuarkusTest
class ErasureTest {

    @Test
    void the_snapshot_of_an_erased_application_is_erased_and_its_status_stays() throws Exception {
        TestEvents.linkBackUp();
        UUID id = UUID.randomUUID();
        publishReceived(id, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestEvents.statuses(id).contains("SUBMITTED"));
        assertTrue(payload(id).contains("5203010504950001"), "the snapshot holds the NIK until then");

        ApplicationErased erased = new ApplicationErased(
                id, TestEvents.TRACKING_CODE, SampleApplicant.OFFICE, 1, ErasureReason.REQUEST, Instant.now());
        kafka().publish(id.toString(), erased);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("{}", payload(id)));
        assertEquals("SUBMITTED", QuarkusTransaction.requiringNew().call(() -> Submission.<Submission>findById(id)
                .status
                .name()));
    }

    private static String payload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Submission.<Submission>findById(id).payload);
    }
}
