package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.intake.retention.RetentionJob;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import id.ltsa.relay.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * UU 27/2022 at intake: an applicant's personal data is erased when the ministry asks or when the retention after the
 * final status runs out; the rest of the application stays; every other service hears of it; nothing kept for
 * republication brings it back.
 */
@QuarkusTest
class PersonalDataErasureTest {

    static final String OFFICE = "5203";

    @Inject
    RetentionJob retention;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_ministry_erases_a_withdrawn_application_s_personal_data_once_and_every_service_is_told() throws Exception {
        String id = finalApplication();

        given().auth()
                .oauth2(officeToken(OFFICE))
                .post("/api/v1/applications/" + id + "/erasure")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ministryToken())
                .post("/api/v1/applications/" + id + "/erasure")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("applicant.nik", nullValue())
                .body("applicant.fullName", nullValue())
                .body("applicant.birthDate", nullValue())
                .body("applicant.phone", nullValue())
                .body("applicant.email", nullValue())
                .body("placement.destinationCountry", equalTo("KR"))
                .body("statusHistory.status", equalTo(List.of("RECEIVED", "WITHDRAWN")))
                .body("personalDataErasedAt", notNullValue());
        given().auth()
                .oauth2(ministryToken())
                .post("/api/v1/applications/" + id + "/erasure")
                .then()
                .statusCode(200);

        Object[] row = row(id);
        assertTrue(
                Arrays.stream(row).allMatch(value -> value == null), "personal columns left: " + Arrays.toString(row));
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> types(kafka, id).contains(ApplicationErased.TYPE));
            assertEquals(
                    1,
                    types(kafka, id).stream()
                            .filter(ApplicationErased.TYPE::equals)
                            .count(),
                    "erasing again announces nothing");
            ConsumerRecord<String, String> erased = kafka.recordsWithKey(Topics.APPLICATIONS, id).stream()
                    .filter(r -> ApplicationErased.TYPE.equals(KafkaTestClient.header(r, "ce_type")))
                    .findFirst()
                    .orElseThrow();
            assertTrue(erased.value().contains("\"reason\":\"REQUEST\""), erased.value());
        }
        // the received event with the snapshot is no longer kept for republication
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(0L, keptForRepublication(id, ApplicationReceived.TYPE)));
        given().get("/api/v1/track/" + trackingCode(id))
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("applicantInitials", equalTo(""));
    }

    @Test
    void an_event_still_waiting_for_the_broker_when_its_data_is_erased_goes_out_and_is_not_kept() throws Exception {
        String id = finalApplication();
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(id) == 0);
        long published = kept(id); // received, the applicant's contact, withdrawn

        // outbox_published is held here, so no event the relay publishes can be moved there: the application's events,
        // queued again (as the audit or an announcement does), still wait in outbox_event when the erasure comes
        CompletableFuture<Integer> erasure;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE outbox_published IN SHARE MODE");
            }
            assertEquals(
                    published,
                    QuarkusTransaction.requiringNew()
                            .call(() -> outbox.republish(id, Duration.ZERO))
                            .longValue());
            erasure = CompletableFuture.supplyAsync(() -> given().auth()
                    .oauth2(ministryToken())
                    .post("/api/v1/applications/" + id + "/erasure")
                    .statusCode());
            // the erasure has marked the waiting events and now waits to delete the kept ones
            await().atMost(Duration.ofSeconds(30)).until(PersonalDataErasureTest::anErasureWaitsForTheKeptEvents);
            holder.rollback();
        }
        assertEquals(200, erasure.get(30, TimeUnit.SECONDS));

        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(id) == 0);
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> types(kafka, id).contains(ApplicationErased.TYPE));
            List<String> types = types(kafka, id);
            assertEquals(
                    2, types.stream().filter(ApplicationReceived.TYPE::equals).count(), "published again: " + types);
            assertTrue(
                    types.lastIndexOf(ApplicationReceived.TYPE) < types.indexOf(ApplicationErased.TYPE),
                    "in its place, before the erasure: " + types);
        }
        assertEquals(
                List.of(ApplicationErased.TYPE),
                keptTypes(id).stream().distinct().toList(),
                "only the erasure (on both its topics) is kept: not the snapshot, not the applicant's contact");
    }

    @Test
    void a_201_kept_under_an_idempotency_key_no_longer_holds_the_erased_applicant() {
        Map<String, Object> body = SampleApplications.valid();
        String key = UUID.randomUUID().toString();
        String id = IdempotencyKeyTest.post(OFFICE, key, body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(officeToken(OFFICE))
                .post("/api/v1/applications/" + id + "/withdrawal")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ministryToken())
                .post("/api/v1/applications/" + id + "/erasure")
                .then()
                .statusCode(200);

        IdempotencyKeyTest.post(OFFICE, key, body)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("applicant.nik", nullValue())
                .body("applicant.phone", nullValue())
                .body("personalDataErasedAt", notNullValue());
    }

    @Test
    void an_application_still_on_its_way_cannot_be_erased() {
        String id = ApplicationRegistrationTest.register(OFFICE);
        given().auth()
                .oauth2(ministryToken())
                .post("/api/v1/applications/" + id + "/erasure")
                .then()
                .statusCode(409)
                .body("type", endsWith("/invalid-state"));
        given().auth()
                .oauth2(ministryToken())
                .post("/api/v1/applications/" + UUID.randomUUID() + "/erasure")
                .then()
                .statusCode(404);
        assertTrue(row(id)[0] != null, "nothing erased");
    }

    @Test
    void the_retention_erases_what_has_been_final_for_longer_than_a_year_and_nothing_younger() {
        String old = finalApplication();
        String young = finalApplication();
        QuarkusTransaction.requiringNew().run(() -> Application.getEntityManager()
                .createNativeQuery("UPDATE application SET updated_at = now() - interval '366 days' WHERE id = ?1")
                .setParameter(1, UUID.fromString(old))
                .executeUpdate());

        assertTrue(retention.eraseExpired() >= 1);

        assertTrue(Arrays.stream(row(old)).allMatch(value -> value == null), Arrays.toString(row(old)));
        assertTrue(erasedAt(old) != null);
        assertTrue(row(young)[0] != null, "final for a moment only: kept");
        assertNull(erasedAt(young));
    }

    private static String finalApplication() {
        Map<String, Object> body = SampleApplications.valid();
        String id = given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(officeToken(OFFICE))
                .post("/api/v1/applications/" + id + "/withdrawal")
                .then()
                .statusCode(200);
        return id;
    }

    /** The personal columns as stored: nik, full_name, birth_date, gender, phone, email (all null once erased). */
    private static Object[] row(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) Application.getEntityManager()
                .createNativeQuery(
                        "SELECT nik, full_name, birth_date, gender, phone, email FROM application" + " WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult());
    }

    private static Object erasedAt(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Application.getEntityManager()
                .createNativeQuery("SELECT personal_data_erased_at FROM application WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult());
    }

    private static long keptForRepublication(String id, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Application.getEntityManager()
                        .createNativeQuery(
                                "SELECT count(*) FROM outbox_published WHERE message_key = ?1 AND event_type = ?2")
                        .setParameter(1, id)
                        .setParameter(2, type)
                        .getSingleResult())
                .longValue());
    }

    private static long waiting(String id) {
        return count("SELECT count(*) FROM outbox_event WHERE message_key = ?1", id);
    }

    @SuppressWarnings("unchecked")
    private static List<String> keptTypes(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Application.getEntityManager()
                .createNativeQuery("SELECT event_type FROM outbox_published WHERE message_key = ?1 ORDER BY seq")
                .setParameter(1, id)
                .getResultList());
    }

    private static long kept(String id) {
        return count("SELECT count(*) FROM outbox_published WHERE message_key = ?1", id);
    }

    private static boolean anErasureWaitsForTheKeptEvents() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Application.getEntityManager()
                                        .createNativeQuery(
                                                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                                        + " AND wait_event_type = 'Lock'"
                                                        + " AND query LIKE 'DELETE FROM outbox_published WHERE message_key%'")
                                        .getSingleResult())
                                .longValue()
                        >= 1);
    }

    private static long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Application.getEntityManager()
                        .createNativeQuery(sql)
                        .setParameter(1, id)
                        .getSingleResult())
                .longValue());
    }

    private static String trackingCode(String id) {
        return given().auth()
                .oauth2(ministryToken())
                .get("/api/v1/applications/" + id)
                .then()
                .extract()
                .path("trackingCode");
    }

    private static List<String> types(KafkaTestClient kafka, String id) {
        return kafka.recordsWithKey(Topics.APPLICATIONS, id).stream()
                .map(record -> KafkaTestClient.header(record, "ce_type"))
                .toList();
    }

    private static String ministryToken() {
        return RealInfrastructure.tokens().token(null, "ministry");
    }
}
