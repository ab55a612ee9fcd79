package id.ltsa.relay.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents the error answers {@link ProblemMappers} gives, on every operation of every office service, so a client
 * generated from the document knows them: each error answer is {@code application/problem+json} with the
 * {@code Problem} schema and an example; every operation may answer 500; a token-guarded one answers 401 (no body,
 * {@code WWW-Authenticate: Bearer}) and 403; a 429 or 503 carries {@code Retry-After}. What a resource documents
 * itself, or its own filters add (they run first), is kept: this only fills in what is missing.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = ProblemDocumentation.PRIORITY)
public class ProblemDocumentation implements OASFilter {

    /** Below the default (1): a service's own filters, which add its examples, run first. */
    public static final int PRIORITY = 0;

    static final String SCHEMA = "Problem";
    /** The bearer token's security scheme ({@code quarkus.smallrye-openapi.security-scheme-name}). */
    static final String TOKEN = "jwt";

    private static final String REF = "#/components/schemas/" + SCHEMA;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey(SCHEMA)) {
            openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean tokenByDefault = needsToken(openAPI.getSecurity());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    if (operation.getResponses() == null) {
                        operation.setResponses(OASFactory.createAPIResponses());
                    }
                    APIResponses responses = operation.getResponses();
                    boolean token =
                            operation.getSecurity() == null ? tokenByDefault : needsToken(operation.getSecurity());
                    if (token) {
                        ensure(
                                responses,
                                "401",
                                "No token, or a bad or expired one: no body, and WWW-Authenticate: Bearer");
                        ensure(responses, "403", "The token's role or office may not do this");
                    }
                    if (operation.getRequestBody() != null) {
                        // the body limit (HttpApiConfig) holds for every body, before the operation sees it
                        ensure(responses, "413", "The body is over the size limit");
                    }
                    ensure(responses, "500", "A fault of ours; the cause is logged, never sent");
                    responses.getAPIResponses().forEach((code, response) -> describe(code, response));
                }));
    }

    /** Whether these requirements ask for the bearer token (not, say, the central callback's signature). */
    private static boolean needsToken(List<SecurityRequirement> requirements) {
        return requirements != null && requirements.stream().anyMatch(requirement -> requirement.hasScheme(TOKEN));
    }

    private static void ensure(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private void describe(String code, APIResponse response) {
        int status;
        try {
            status = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return; // "default"
        }
        if (status == 429 || status == 503) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
                response.addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("Seconds to wait before sending the same request again")
                                .style(Header.Style.SIMPLE));
            }
            // whoever declared it, the header is whole seconds, bounded (the longest wait asked for is a minute)
            response.getHeaders()
                    .get("Retry-After")
                    .setSchema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.INTEGER)
                            .format("int32")
                            .minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(3600)));
        }
        if (status < 400 || status == 401) {
            return; // 401 comes from the token check, before any resource, with no body
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        Content content = response.getContent();
        // an error is never application/json: a resource that declared @Produces(json) gets the problem type only
        content.removeMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(REF));
        }
        if (problem.getExamples() == null || problem.getExamples().isEmpty()) {
            Problem example = exampleOf(status);
            problem.addExample(
                    example.type().substring(example.type().lastIndexOf('/') + 1),
                    OASFactory.createExample().summary(example.title()).value(json.convertValue(example, Map.class)));
        }
    }

    /** A problem of each status the shared mappers answer with; a service documents its own with examples. */
    private static Problem exampleOf(int status) {
        return switch (status) {
            case 400 -> HttpProblems.invalid("field", "what is wrong with it");
            case 403 -> HttpProblems.forbidden();
            case 404 -> HttpProblems.notFound("No such resource");
            case 413 -> HttpProblems.payloadTooLarge(HttpApiConfig.configured());
            case 415 -> HttpProblems.unsupportedMediaType();
            case 500 -> HttpProblems.internal();
            default -> Problem.of("http-" + status, "Error " + status, status, "See the operation's description");
        };
    }

    /** RFC 9457's members, with the limits a validating client can hold the answer to. */
    private static Schema problemSchema() {
        Schema text =
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One bad field, named by its JSON path (applicant.nik) or parameter name")
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200))
                .addProperty(
                        "message",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(500))
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: the body of every error answer (application/problem+json)")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .maxLength(200)
                                .description("https://ltsa-relay.id/problems/<slug>: what kind of problem"))
                .addProperty("title", text)
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .maxItems(100)
                                .items(fieldError)
                                .description("For 400: every bad field at once"))
                .required(List.of("type", "title", "status"));
    }
}
