package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is what a district office's programmer builds against: every endpoint with every error it can
 * answer, each error with an example problem, and request examples that the service itself accepts.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final String PROBLEM = "application/problem+json";
    JsonNode document;

    /** Read per test: a static @BeforeAll would run before the application listens. */
    @BeforeEach
    void read() throws Exception {
        document = new ObjectMapper()
                .readTree(given().port(RealInfrastructure.managementPort())
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .asString());
    }

    @Test
    void every_endpoint_of_the_contract_is_there_with_its_error_answers() {
        Map<String, Set<String>> expected = Map.of(
                "post /api/v1/applications", Set.of("201", "400", "401", "403", "409", "413", "415", "422", "503"),
                "get /api/v1/applications", Set.of("200", "400", "401", "403"),
                "get /api/v1/applications/{id}", Set.of("200", "401", "403", "404"),
                "post /api/v1/applications/{id}/withdrawal", Set.of("200", "401", "403", "404", "409"),
                "post /api/v1/applications/{id}/amendments", Set.of("200", "400", "401", "403", "404", "409"),
                "get /api/v1/track/{trackingCode}", Set.of("200", "404", "429"));
        expected.forEach((operation, codes) -> {
            String[] methodAndPath = operation.split(" ");
            JsonNode responses = document.path("paths")
                    .path(methodAndPath[1])
                    .path(methodAndPath[0])
                    .path("responses");
            assertFalse(responses.isMissingNode(), operation + " is documented");
            Set<String> documented = new TreeSet<>();
            responses.fieldNames().forEachRemaining(documented::add);
            assertTrue(documented.containsAll(codes), operation + " documents " + documented + ", expected " + codes);
        });
    }

    @Test
    void an_application_documents_the_central_link_the_counter_can_tell_the_applicant_about() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode link = schemas.path("ApplicationView").path("properties").path("centralLink");
        assertFalse(link.isMissingNode(), "ApplicationView.centralLink is documented");
        JsonNode properties = schemas.path("CentralLink").path("properties");
        assertTrue(
                properties.has("state") && properties.has("since") && properties.has("diagnosis"),
                properties.toString());
        assertTrue(properties.path("state").path("enum").toString().contains("DOWN"), properties.toString());
    }

    /** What a generated client and a validating proxy read: the rules of the request, and what may be null. */
    @Test
    void the_schemas_carry_the_validation_rules_and_say_what_may_be_null() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode request = schemas.path("ApplicationRequest");
        assertEquals(Set.of("documentType", "applicant", "placement"), required(request), request.toString());
        assertEquals(
                "[\"PASSPORT\"]",
                request.path("properties").path("documentType").path("enum").toString());

        JsonNode applicant = schemas.path("Applicant");
        assertEquals(
                Set.of("nik", "fullName", "birthDate", "gender", "phone"), required(applicant), applicant.toString());
        JsonNode nik = applicant.path("properties").path("nik");
        assertEquals("\\d{16}", nik.path("pattern").asText(), nik.toString());
        assertEquals(16, nik.path("maxLength").asInt(), nik.toString());
        assertEquals(
                100,
                applicant.path("properties").path("fullName").path("maxLength").asInt());
        assertEquals(
                254,
                applicant.path("properties").path("email").path("maxLength").asInt());
        assertEquals(
                "[\"M\",\"F\"]",
                applicant.path("properties").path("gender").path("enum").toString());
        assertTrue(nullable(applicant.path("properties").path("email")), applicant.toString());

        JsonNode placement = schemas.path("Placement").path("properties");
        assertEquals(200, placement.path("employerName").path("maxLength").asInt(), placement.toString());
        assertTrue(nullable(placement.path("p3miName")), "the contract's sample sends p3miName: null");

        // null on the wire, so nullable in the answer: a generated client must not break on them
        assertTrue(nullable(schemas.path("ApplicationView").path("properties").path("centralReference")));
        assertTrue(nullable(schemas.path("StatusChange").path("properties").path("reason")));
        assertTrue(nullable(schemas.path("PlacementView").path("properties").path("p3miName")));
        assertTrue(nullable(schemas.path("ApplicantView").path("properties").path("email")));
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        return required;
    }

    /** OpenAPI 3.0 says {@code nullable: true}; 3.1 lists "null" among the types. */
    private static boolean nullable(JsonNode property) {
        return property.path("nullable").asBoolean(false)
                || property.path("type").toString().contains("\"null\"")
                || property.path("anyOf").toString().contains("\"null\"")
                || property.path("oneOf").toString().contains("\"null\"");
    }

    @Test
    void every_error_answer_has_an_example_problem_of_its_own_status() {
        List<String> checked = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    op.getValue().path("responses").fields().forEachRemaining(response -> {
                        int status = Integer.parseInt(response.getKey());
                        if (status < 400 || status == 401) {
                            return; // 401 comes from the token check before any resource, with no body
                        }
                        String where = op.getKey() + " " + path.getKey() + " " + status;
                        JsonNode examples = response.getValue()
                                .path("content")
                                .path(PROBLEM)
                                .path("examples");
                        assertTrue(examples.size() > 0, where + " has example problems");
                        examples.forEach(example -> {
                            JsonNode problem = example.path("value");
                            assertEquals(status, problem.path("status").asInt(), where);
                            assertTrue(
                                    problem.path("type").asText().startsWith("https://ltsa-relay.id/problems/"), where);
                            assertFalse(problem.path("detail").asText().isBlank(), where);
                        });
                        checked.add(where);
                    });
                }));
        assertTrue(checked.size() >= 20, "error answers checked: " + checked);
        JsonNode invalid = document.at("/paths/~1api~1v1~1applications/post/responses/400/content")
                .path(PROBLEM)
                .path("examples")
                .path("invalid-fields")
                .path("value");
        List<String> fields = new ArrayList<>();
        invalid.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertEquals(
                List.of("applicant.nik", "placement.p3miName"), fields, "the validator's own answer to a wrong body");
    }

    @Test
    void the_request_examples_are_accepted_by_the_service() {
        JsonNode register = document.at("/paths/~1api~1v1~1applications/post/requestBody/content")
                .path("application/json")
                .path("examples")
                .path("application")
                .path("value");
        assertFalse(register.isMissingNode(), "register has a request example");
        assertFalse(
                document.at("/paths/~1api~1v1~1applications~1{id}~1amendments/post/requestBody/content")
                        .path("application/json")
                        .path("examples")
                        .isEmpty(),
                "amendment has a request example");
        assertFalse(
                document.at("/paths/~1api~1v1~1applications~1{id}~1withdrawal/post/requestBody/content")
                        .path("application/json")
                        .path("examples")
                        .isEmpty(),
                "withdrawal has a request example");

        // The example's NIK is the contract's, so another test may hold an open application for it: then the answer is
        // the duplicate conflict, which also means every field passed validation.
        var answer = given().auth()
                .oauth2(officeToken("5203"))
                .contentType(ContentType.JSON)
                .body(register.toString())
                .post("/api/v1/applications");
        if (answer.statusCode() != 201) {
            assertEquals(409, answer.statusCode(), answer.asString());
            assertTrue(answer.jsonPath().getString("type").endsWith("/duplicate-application"), answer.asString());
            return;
        }
        // the withdrawal example is accepted too, and frees the contract's NIK for other tests
        JsonNode withdrawal = document.at("/paths/~1api~1v1~1applications~1{id}~1withdrawal/post/requestBody/content")
                .path("application/json")
                .path("examples")
                .path("withdrawal")
                .path("value");
        given().auth()
                .oauth2(officeToken("5203"))
                .contentType(ContentType.JSON)
                .body(withdrawal.toString())
                .post("/api/v1/applications/" + answer.jsonPath().getString("id") + "/withdrawal")
                .then()
                .statusCode(200);
    }
}
