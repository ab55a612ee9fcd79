package id.ltsa.relay.submission.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import id.ltsa.relay.submission.queue.Submission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ministry's office report on rows whose answers are known. */
@QuarkusTest
class OfficeReportTest {

    @Test
    void counts_oldest_pending_age_and_median_time_to_submit_of_the_last_7_days() {
        String office = "99" + String.format("%02d", (int) (System.nanoTime() % 100));
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            submitted(office, now.minus(Duration.ofHours(5)), Duration.ofSeconds(60));
            submitted(office, now.minus(Duration.ofHours(4)), Duration.ofSeconds(120));
            submitted(office, now.minus(Duration.ofDays(2)), Duration.ofSeconds(600));
            submitted(office, now.minus(Duration.ofDays(9)), Duration.ofSeconds(90_000)); // outside the 7 days
            row(office, ApplicationStatus.QUEUED, now.minus(Duration.ofHours(2)), null);
            row(office, ApplicationStatus.DELAYED, now.minus(Duration.ofHours(1)), null);
            row(office, ApplicationStatus.RETURNED, now.minus(Duration.ofHours(3)), null);
        });
        String path = "offices.find { it.officeCode == '" + office + "' }";

        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .get("/api/v1/reports/offices")
                .then()
                .statusCode(200)
                .body("generatedAt", notNullValue())
                .body(path + ".countsByStatus.SUBMITTED", equalTo(4))
                .body(path + ".countsByStatus.QUEUED", equalTo(1))
                .body(path + ".countsByStatus.DELAYED", equalTo(1))
                .body(path + ".countsByStatus.RETURNED", equalTo(1))
                .body(path + ".countsByStatus.ISSUED", equalTo(0))
                .body(path + ".pending", equalTo(2))
                .body(
                        path + ".oldestPendingAgeSeconds",
                        both(greaterThanOrEqualTo(7200)).and(lessThan(7260)))
                .body(path + ".medianSecondsToSubmitLast7Days", equalTo(120.0f))
                .body(path + ".submittedLast7Days", equalTo(3))
                .body(path + ".linkState", notNullValue())
                .body(path + ".linkStateSince", notNullValue());
    }

    @Test
    void an_office_without_submissions_this_week_has_no_median_and_offices_cannot_read_the_report() {
        String office = "98" + String.format("%02d", (int) (System.nanoTime() % 100));
        QuarkusTransaction.requiringNew().run(() -> row(office, ApplicationStatus.QUEUED, Instant.now(), null));

        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .get("/api/v1/reports/offices")
                .then()
                .statusCode(200)
                .body("offices.find { it.officeCode == '" + office + "' }.medianSecondsToSubmitLast7Days", nullValue());
        given().auth()
                .oauth2(RealInfrastructure.tokens().token("5203", "office"))
                .get("/api/v1/reports/offices")
                .then()
                .statusCode(403);
    }

    /** The pending rows are not real applications: the forwarder must never pick them up after the test. */
    @AfterEach
    void forget() {
        QuarkusTransaction.requiringNew().run(() -> Submission.delete("trackingCode", "LT-REPORT01"));
    }

    private static void submitted(String office, Instant receivedAt, Duration took) {
        row(office, ApplicationStatus.SUBMITTED, receivedAt, receivedAt.plus(took));
    }

    private static void row(String office, ApplicationStatus status, Instant receivedAt, Instant submittedAt) {
        Submission submission = new Submission();
        submission.applicationId = UUID.randomUUID();
        submission.trackingCode = "LT-REPORT01";
        submission.officeCode = office;
        submission.revision = 1;
        submission.status = status;
        submission.payload = "{}";
        submission.nextAttemptAt = status.isPending() ? receivedAt.plus(Duration.ofDays(365)) : receivedAt;
        submission.queuedAt = receivedAt;
        submission.receivedAt = receivedAt;
        submission.submittedAt = submittedAt;
        submission.updatedAt = receivedAt;
        submission.persist();
    }
}
