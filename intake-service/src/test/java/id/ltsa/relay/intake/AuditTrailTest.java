package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who read, listed, withdrew: each call is in the audit trail, with its outcome, and nothing about the applicant. */
@QuarkusTest
class AuditTrailTest {

    static final String OFFICE = "5203";

    @Test
    void reads_a_probe_from_another_office_and_a_withdrawal_are_recorded_with_who_and_what_they_were_answered() {
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
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(officeToken("5201"))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "changed plans"))
                .post("/api/v1/applications/" + id + "/withdrawal")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath trail = trail("applicationId=" + id);
            assertEquals(
                    List.of("APPLICATION_WITHDRAW", "APPLICATION_READ", "APPLICATION_READ"),
                    trail.getList("items.action"),
                    "newest first");
            assertEquals(List.of("office-5203", "office-5201", "office-5203"), trail.getList("items.subject"));
            assertEquals(List.of("5203", "5201", "5203"), trail.getList("items.officeCode"));
            assertEquals(List.of(200, 404, 200), trail.getList("items.outcome"));
            assertEquals(List.of("office", "office", "office"), trail.getList("items.roles"));
            assertEquals(3, trail.getInt("total"));
        });
        String raw = given().auth()
                .oauth2(opsToken())
                .get("/api/v1/audit?applicationId=" + id)
                .asString();
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        for (String personal : List.of("nik", "fullName", "phone", "email")) {
            assertFalse(
                    raw.contains(applicant.get(personal).toString()), "the trail holds the applicant's " + personal);
        }
    }

    @Test
    void the_trail_is_for_ops_and_the_ministry_and_an_office_that_asks_is_refused_and_recorded() {
        given().auth().oauth2(officeToken(OFFICE)).get("/api/v1/audit").then().statusCode(403);
        given().get("/api/v1/audit").then().statusCode(401);
        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .get("/api/v1/audit")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth()
                .oauth2(opsToken())
                .get("/api/v1/audit?action=AUDIT_READ&subject=office-5203")
                .then()
                .statusCode(200)
                .body("items.outcome", hasItem(403)));
    }

    @Test
    void a_bad_query_names_each_bad_field() {
        given().auth()
                .oauth2(opsToken())
                .get("/api/v1/audit?applicationId=nope&action=NOPE&size=500&page=-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("applicationId", "action", "size", "page"));
    }

    @Test
    void the_trail_cannot_be_changed_or_emptied_even_with_the_service_own_database_rights() {
        given().auth().oauth2(opsToken()).get("/api/v1/audit").then().statusCode(200);
        for (String change :
                List.of("UPDATE audit_log SET outcome = 200", "DELETE FROM audit_log", "TRUNCATE audit_log")) {
            Exception refused = assertThrows(
                    Exception.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> Application.getEntityManager()
                            .createNativeQuery(change)
                            .executeUpdate()),
                    change);
            assertTrue(rootMessage(refused).contains("audit_log is append-only"), rootMessage(refused));
        }
        given().auth()
                .oauth2(opsToken())
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThan(0));
    }

    private static JsonPath trail(String query) {
        return given().auth()
                .oauth2(opsToken())
                .get("/api/v1/audit?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String opsToken() {
        return RealInfrastructure.tokens().token(null, "ops");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
