package id.ltsa.relay.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

/** The error answers every operation gets in the document, and what a resource said itself being kept. */
class ProblemDocumentationTest {

    @Test
    void a_guarded_operation_documents_401_403_and_500_and_a_429_its_retry_after() {
        Operation guarded = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme(ProblemDocumentation.TOKEN)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("ok"))
                        .addAPIResponse("429", OASFactory.createAPIResponse().description("slow down")));
        Operation open = OASFactory.createOperation()
                .security(List.of())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("no such thing")));

        OpenAPI document = filtered(guarded, open);

        APIResponses guardedAnswers = operation(document, "/guarded").getResponses();
        assertNotNull(guardedAnswers.getAPIResponse("401"));
        assertNull(guardedAnswers.getAPIResponse("401").getContent(), "401 comes without a body");
        assertEquals(403, exampleStatus(problemOf(guardedAnswers, "403")));
        assertEquals(500, exampleStatus(problemOf(guardedAnswers, "500")));
        assertTrue(guardedAnswers.getAPIResponse("429").getHeaders().containsKey("Retry-After"));
        assertEquals(
                "#/components/schemas/Problem",
                problemOf(guardedAnswers, "429").getSchema().getRef());

        APIResponses openAnswers = operation(document, "/open").getResponses();
        assertNull(openAnswers.getAPIResponse("401"), "no token, no 401");
        assertEquals("no such thing", openAnswers.getAPIResponse("404").getDescription(), "the resource's words kept");
        assertEquals(404, exampleStatus(problemOf(openAnswers, "404")));
        assertNotNull(document.getComponents().getSchemas().get("Problem"));
    }

    @Test
    void an_example_a_service_gave_is_not_replaced_and_json_is_not_claimed_for_an_error() {
        var own = OASFactory.createMediaType()
                .addExample("duplicate", OASFactory.createExample().value(Map.of("status", 409)));
        Operation operation = OASFactory.createOperation()
                .security(List.of())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                "409",
                                OASFactory.createAPIResponse()
                                        .content(OASFactory.createContent()
                                                .addMediaType(Problem.MEDIA_TYPE, own)
                                                .addMediaType("application/json", OASFactory.createMediaType()))));

        APIResponses answers =
                operation(filtered(operation, operation), "/open").getResponses();

        assertEquals(
                List.of("duplicate"),
                List.copyOf(problemOf(answers, "409").getExamples().keySet()));
        assertNull(answers.getAPIResponse("409").getContent().getMediaType("application/json"));
    }

    private static OpenAPI filtered(Operation guarded, Operation open) {
        OpenAPI document = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/guarded", OASFactory.createPathItem().GET(guarded))
                        .addPathItem("/open", OASFactory.createPathItem().GET(open)));
        new ProblemDocumentation().filterOpenAPI(document);
        return document;
    }

    private static Operation operation(OpenAPI document, String path) {
        return document.getPaths().getPathItem(path).getGET();
    }

    private static MediaType problemOf(APIResponses answers, String code) {
        return answers.getAPIResponse(code).getContent().getMediaType(Problem.MEDIA_TYPE);
    }

    @SuppressWarnings("unchecked")
    private static int exampleStatus(MediaType problem) {
        Object value = problem.getExamples().values().iterator().next().getValue();
        return ((Number) ((Map<String, Object>) value).get("status")).intValue();
    }
}
