package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's own log (target/intake-test.log in tests) never holds a NIK, a name, a phone or an email. */
@QuarkusTest
class PersonalDataInLogsTest {

    @Test
    void registering_rejecting_and_duplicating_leave_no_personal_data_in_the_log() throws Exception {
        Map<String, Object> body = SampleApplications.with(
                SampleApplications.with(SampleApplications.valid(), "applicant.fullName", "Siti Rahmawati Qadarsih"),
                "applicant.email", "siti.qadarsih@example.org");
        Map<?, ?> applicant = (Map<?, ?>) body.get("applicant");
        given().auth().oauth2(officeToken("5203")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(201);
        given().auth().oauth2(officeToken("5203")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(409);
        given().auth().oauth2(officeToken("5203")).contentType(ContentType.JSON)
                .body(SampleApplications.with(body, "applicant.gender", "X")).post("/api/v1/applications")
                .then().statusCode(400);

        String log = Files.readString(Path.of("target/intake-test.log"));
        for (Object personal : new Object[] {applicant.get("nik"), "Qadarsih", applicant.get("phone"),
            "siti.qadarsih@example.org"}) {
            assertFalse(log.contains(personal.toString()), "log contains " + personal);
        }
    }
}
