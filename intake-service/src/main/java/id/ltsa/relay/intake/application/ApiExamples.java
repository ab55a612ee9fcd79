package id.ltsa.relay.intake.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.http.FieldError;
import id.ltsa.relay.http.HttpApiConfig;
import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.Problem;
import id.ltsa.relay.intake.web.Problems;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Puts examples into the OpenAPI document: a request body for each operation that takes one, and for each error answer
 * the problems it can carry. The problems come from {@link Problems}, the same factories the code answers with, and
 * the validation example is what {@link ApplicationValidator} says about a wrong body, so the examples cannot drift
 * from the behaviour. Runs when the document is built, before the shared {@code ProblemDocumentation}, which fills in
 * the error answers no one gave an example for.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class ApiExamples implements OASFilter {

    /** The contract's example application. */
    static final String APPLICATION = """
            {"documentType": "PASSPORT",
             "applicant": {"nik": "5203010504950001", "fullName": "Darwan Hadi", "birthDate": "1995-04-05",
               "birthPlace": "Selong", "gender": "M", "phone": "+6281234567890", "email": "darwan@example.org",
               "preferredChannel": "WHATSAPP", "language": "id"},
             "placement": {"destinationCountry": "KR", "scheme": "G_TO_G", "employerName": "Hanil Manufacturing",
               "jobTitle": "Production operator", "p3miName": null}}""";

    /** The same applicant with a NIK that says female (day + 40) and a P_TO_P placement without its agency. */
    static final String WRONG_APPLICATION = """
            {"documentType": "PASSPORT",
             "applicant": {"nik": "5203014504950001", "fullName": "Darwan Hadi", "birthDate": "1995-04-05",
               "birthPlace": "Selong", "gender": "M", "phone": "+6281234567890", "preferredChannel": "WHATSAPP"},
             "placement": {"destinationCountry": "KR", "scheme": "P_TO_P", "employerName": "Hanil Manufacturing",
               "jobTitle": "Production operator"}}""";

    static final String AMENDMENT = """
            {"applicant": {"nik": "5203010504950001", "fullName": "Darwan Hadi", "birthDate": "1995-04-05",
               "birthPlace": "Selong", "gender": "M", "phone": "+6281234567891", "preferredChannel": "SMS"}}""";

    static final String WITHDRAWAL = """
            {"reason": "The applicant has taken another job"}""";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    String name = method + " " + path;
                    switch (name) {
                        case "POST /api/v1/applications" -> requestExample(operation, "application", APPLICATION);
                        case "POST /api/v1/applications/{id}/amendments" ->
                            requestExample(operation, "amendment", AMENDMENT);
                        case "POST /api/v1/applications/{id}/withdrawal" ->
                            requestExample(operation, "withdrawal", WITHDRAWAL);
                        default -> {}
                    }
                    if (operation.getResponses() == null
                            || operation.getResponses().getAPIResponses() == null) {
                        return;
                    }
                    operation.getResponses().getAPIResponses().forEach((code, response) -> problemsOf(name, code)
                            .forEach((exampleName, problem) -> problemExample(response, exampleName, problem)));
                }));
    }

    /** The problems an operation can answer with under a status code, by example name. */
    private Map<String, Problem> problemsOf(String operation, String code) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        switch (code) {
            case "400" ->
                problems.put(
                        "invalid-fields",
                        operation.equals("GET /api/v1/applications")
                                ? Problems.invalid(List.of(new FieldError("size", ApplicationResource.SIZE_RULE)))
                                : validationProblem());
            case "403" -> {
                problems.put("forbidden", HttpProblems.forbidden());
                if (operation.equals("POST /api/v1/applications")) {
                    problems.put("office-required", HttpProblems.officeRequired());
                }
            }
            case "404" -> problems.put("not-found", Problems.notFound());
            case "409" -> {
                if (operation.equals("POST /api/v1/applications")) {
                    problems.put("duplicate-application", Problems.duplicateApplication());
                    problems.put("idempotency-key-in-use", Problems.idempotencyKeyInUse());
                } else if (operation.endsWith("/withdrawal")) {
                    problems.put("invalid-state", Problems.cannotWithdraw(ApplicationStatus.WITHDRAWN));
                } else if (operation.endsWith("/erasure")) {
                    problems.put("invalid-state", Problems.notErasable(ApplicationStatus.SUBMITTED));
                } else if (operation.endsWith("/amendments")) {
                    problems.put("invalid-state", Problems.notAmendable(ApplicationStatus.SUBMITTED));
                }
            }
            case "413" -> problems.put("payload-too-large", HttpProblems.payloadTooLarge(HttpApiConfig.configured()));
            case "415" -> problems.put("unsupported-media-type", HttpProblems.unsupportedMediaType());
            case "422" -> problems.put("idempotency-key-reused", Problems.idempotencyKeyReused());
            case "429" -> problems.put("too-many-requests", Problems.tooManyRequests());
            case "503" -> problems.put("overloaded", Problems.overloaded());
            default -> {}
        }
        return problems;
    }

    private Problem validationProblem() {
        try {
            ApplicationRequest wrong = json.readValue(WRONG_APPLICATION, ApplicationRequest.class);
            return Problems.invalid(
                    ApplicationValidator.standalone(Clock.systemUTC()).validate(wrong));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The validation example does not parse", e);
        }
    }

    private void requestExample(Operation operation, String name, String body) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType media = operation.getRequestBody().getContent().getMediaType("application/json");
        if (media != null) {
            media.addExample(name, OASFactory.createExample().value(parse(body)));
        }
    }

    private void problemExample(APIResponse response, String name, Problem problem) {
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            response.getContent().addMediaType(Problem.MEDIA_TYPE, media);
        }
        media.addExample(
                name, OASFactory.createExample().summary(problem.title()).value(json.convertValue(problem, Map.class)));
    }

    private Object parse(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example body does not parse", e);
        }
    }
}
