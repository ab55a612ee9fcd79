package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.intake.personaldata.PersonalDataRewrap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL holds of an applicant: NIK, phone and email only as ciphertext, the NIK's blind index beside it;
 * the API still answers the plaintext; rows written before encryption came are encrypted by the rewrap and keep
 * taking part in the one-open-application rule.
 */
@QuarkusTest
class PersonalDataAtRestTest {

    static final String OFFICE = "5203";

    @Inject
    PersonalDataRewrap rewrap;

    @Test
    void a_registered_applicant_s_nik_phone_and_email_are_stored_only_encrypted() {
        Map<String, Object> body = SampleApplications.valid();
        Map<String, Object> applicant = applicant(body);
        String id = given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Object[] stored = row(id);
        for (int column = 0; column < 3; column++) {
            String value = (String) stored[column];
            assertTrue(value.startsWith("v1:"), "not encrypted: column " + column);
            for (String personal : List.of("nik", "phone", "email")) {
                assertFalse(value.contains(applicant.get(personal).toString()), personal + " in the clear");
            }
        }
        assertTrue(((String) stored[3]).matches("[0-9a-f]{64}"), "the NIK's blind index");
        given().auth()
                .oauth2(officeToken(OFFICE))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(200)
                .body("applicant.nik", equalTo(applicant.get("nik")))
                .body("applicant.phone", equalTo(applicant.get("phone")))
                .body("applicant.email", equalTo(applicant.get("email")));
    }

    @Test
    void a_row_from_before_encryption_is_read_then_encrypted_and_still_counts_as_the_nik_s_open_application()
            throws Exception {
        Map<String, Object> body = SampleApplications.valid();
        Map<String, Object> applicant = applicant(body);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Application.getEntityManager()
                .createNativeQuery("""
                INSERT INTO application (id, tracking_code, office_code, document_type, revision, status,
                    status_revision, nik, full_name, birth_date, gender, phone, email, preferred_channel, language,
                    destination_country, scheme, created_at, updated_at)
                VALUES (?1, ?2, '5203', 'PASSPORT', 1, 'SUBMITTED', 1, ?3, 'Darwan Hadi', DATE '1995-04-05', 'M',
                    ?4, ?5, 'WHATSAPP', 'id', 'KR', 'G_TO_G', now(), now())""")
                .setParameter(1, id)
                .setParameter(2, "LT-" + id.toString().substring(0, 8).toUpperCase())
                .setParameter(3, applicant.get("nik"))
                .setParameter(4, applicant.get("phone"))
                .setParameter(5, applicant.get("email"))
                .executeUpdate());
        assertEquals(applicant.get("nik"), row(id.toString())[0], "a plaintext row, as before the upgrade");
        given().auth()
                .oauth2(officeToken(OFFICE))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(200)
                .body("applicant.nik", equalTo(applicant.get("nik")));

        assertTrue(rewrap.rewrapAll() >= 1);
        Object[] stored = row(id.toString());
        assertTrue(((String) stored[0]).startsWith("v1:")
                && ((String) stored[1]).startsWith("v1:")
                && ((String) stored[2]).startsWith("v1:"));
        given().auth()
                .oauth2(officeToken(OFFICE))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(200)
                .body("applicant.nik", equalTo(applicant.get("nik")))
                .body("applicant.phone", equalTo(applicant.get("phone")));
        assertEquals(0, rewrap.rewrapAll(), "a second run finds nothing to do");
        // the same person at the counter again: the migrated row is found by its blind index
        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(409)
                .body("type", endsWith("/duplicate-application"));
    }

    @Test
    void an_application_without_email_stores_none() {
        Map<String, Object> body = SampleApplications.with(SampleApplications.valid(), "applicant.email", null);
        String id = given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertNull(row(id)[2]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("applicant");
    }

    private static Object[] row(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) Application.getEntityManager()
                .createNativeQuery("SELECT nik, phone, email, nik_index FROM application WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult());
    }
}
