package id.ltsa.relay.localstack.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A RestAssured filter that checks every answer from the service under test against that service's published OpenAPI
 * document, with atlassian's swagger-request-validator: a status, a content type, a header or a body the document
 * does not describe fails the test, so the document cannot drift from what the service does. Only answers are
 * checked: REST tests send bad requests on purpose. Calls to other ports (the simulator, the management port) pass
 * unchecked.
 *
 * <p>Installed for every {@code @QuarkusTest} by {@link DocumentCheckCallback}.
 */
public final class AnswersMatchTheDocument implements Filter {

    static final AnswersMatchTheDocument INSTANCE = new AnswersMatchTheDocument();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The service under test's document as served, and the validator built from it. */
    private record Checked(String document, OpenApiValidationFilter filter) {}

    private volatile Checked checked;

    private AnswersMatchTheDocument() {}

    /**
     * From now on, answers from the service under test (RestAssured's default port, which Quarkus sets) are checked
     * against the document {@code documentUrl} serves; a service that serves none (404) is not checked. The validator
     * is built again only when the document changed.
     */
    static void checkAnswersAgainst(URI documentUrl) {
        Optional<String> document = fetch(documentUrl);
        Checked current = INSTANCE.checked;
        if (document.isEmpty()) {
            INSTANCE.checked = null;
        } else if (current == null || !current.document().equals(document.get())) {
            INSTANCE.checked = new Checked(document.get(), new OpenApiValidationFilter(validatorFor(document.get())));
        }
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    private static OpenApiInteractionValidator validatorFor(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // requests are the tests' own, often bad on purpose; the answers are what is checked
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private static Optional<String> fetch(URI documentUrl) {
        try {
            HttpResponse<String> response =
                    HTTP.send(HttpRequest.newBuilder(documentUrl).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(documentUrl + " answered " + response.statusCode());
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document at " + documentUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Checked current = checked;
        if (current == null || request.getPort() != RestAssured.port) {
            return context.next(request, response);
        }
        return current.filter().filter(request, response, context);
    }
}
