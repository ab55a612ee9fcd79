package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a program we did not write may send: too much, the wrong type, fields it does not own, too often. */
@QuarkusTest
class HttpEdgeCasesTest {

    static final String OFFICE = "5203";

    @Test
    void a_body_over_64_kib_is_refused_with_a_413_problem() {
        Map<String, Object> body =
                SampleApplications.with(SampleApplications.valid(), "placement.jobTitle", "x".repeat(70 * 1024));

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    /** Without Content-Length the size is known only while reading: the answer must still be the problem. */
    @Test
    void a_chunked_body_over_64_kib_is_refused_with_a_413_problem_too() throws Exception {
        String body = "{\"documentType\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/applications"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + officeToken(OFFICE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode());
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("/payload-too-large"), answer.body());
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_a_415_problem() {
        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.XML)
                .body("<application/>")
                .post("/api/v1/applications")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void a_value_of_the_wrong_json_type_is_named() {
        Map<String, Object> body =
                SampleApplications.with(SampleApplications.valid(), "applicant.fullName", Map.of("first", "Darwan"));

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("applicant.fullName"));
    }

    @Test
    void fields_the_server_owns_never_take_effect() {
        Map<String, Object> body = new HashMap<>(SampleApplications.valid());
        body.put("id", "11111111-1111-1111-1111-111111111111");
        body.put("status", "ISSUED");
        body.put("officeCode", "3171");
        body.put("trackingCode", "LT-MINE0000");
        body.put("centralReference", "PAS-FAKE");

        given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .body("id", not(equalTo("11111111-1111-1111-1111-111111111111")))
                .body("status", equalTo("RECEIVED"))
                .body("officeCode", equalTo(OFFICE))
                .body("trackingCode", not(equalTo("LT-MINE0000")))
                .body("centralReference", equalTo(null));
    }

    @Test
    void a_second_open_application_for_the_same_nik_is_a_409_that_reveals_nothing() {
        Map<String, Object> body = SampleApplications.valid();
        given().auth()
                .oauth2(officeToken("5201"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201);

        String answer = given().auth()
                .oauth2(officeToken(OFFICE))
                .contentType(ContentType.JSON)
                .body(SampleApplications.with(body, "applicant.phone", "+6281299990000"))
                .post("/api/v1/applications")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/duplicate-application"))
                .extract()
                .asString();

        assertTrue(!answer.contains("5201") && !answer.contains("LT-"), answer);
    }

    @Test
    void tracking_lookups_are_rate_limited_per_client_with_retry_after() {
        int status = 0;
        io.restassured.response.Response answer = null;
        for (int i = 0; i < 200 && status != 429; i++) {
            // a client of its own (through the trusted local proxy), so other tests' lookups are not limited
            answer = given().header("X-Forwarded-For", "203.0.113.7").get("/api/v1/track/LT-NOSUCH00");
            status = answer.statusCode();
        }

        assertTrue(status == 429, "never limited");
        answer.then()
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/too-many-requests"));
        int retryAfter = Integer.parseInt(answer.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "whole seconds until the minute's window ends: " + retryAfter);
        // another address is not held back by this one
        given().header("X-Forwarded-For", "203.0.113.8")
                .get("/api/v1/track/LT-NOSUCH00")
                .then()
                .statusCode(404);
    }
}
