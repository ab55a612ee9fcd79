package id.ltsa.relay.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.localstack.testing.ApiLint;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document passes Spectral's OpenAPI rules and the OWASP API Security ruleset without an error
 * (tools/spectral/ruleset.yaml says which rules are off, and why): every value bounded, every error answer
 * documented. The document is read from the running service, as a client generator would.
 */
@QuarkusTest
class ApiLintTest {

    @Test
    void the_openapi_document_has_no_spectral_or_owasp_errors() {
        List<String> errors = ApiLint.errorsInServiceUnderTest();

        assertEquals(List.of(), errors, String.join("\n", errors));
    }
}
