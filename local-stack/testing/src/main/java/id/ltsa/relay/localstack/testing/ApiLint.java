package id.ltsa.relay.localstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spectral with the OWASP API Security ruleset (tools/spectral: pinned by its package-lock, installed by
 * bin/install-test-tools, rules turned off only with a reason in its ruleset.yaml) over an OpenAPI document, for the
 * services' ApiLintTest. Spectral is a Node program: run as a process, as CI would run it.
 */
public final class ApiLint {

    private ApiLint() {}

    /**
     * The errors in the OpenAPI document of the service under test, read from its management port as a client
     * generator would read it.
     */
    public static List<String> errorsInServiceUnderTest() {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RealInfrastructure.managementPort()
                                            + "/q/openapi?format=json"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("/q/openapi answered " + document.statusCode());
            }
            return errorsIn(document.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The errors Spectral finds in {@code document} (JSON), one line each: rule, where, what. Warnings are left. */
    public static List<String> errorsIn(String document) {
        Path tools = spectralHome();
        Path spectral = tools.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(spectral)) {
            throw new IllegalStateException(spectral + " is missing: run bin/install-test-tools");
        }
        try {
            Path file = Files.createTempFile("openapi", ".json");
            Files.writeString(file, document);
            Process process = new ProcessBuilder(
                            spectral.toString(),
                            "lint",
                            "--quiet",
                            "--format",
                            "json",
                            "--ruleset",
                            tools.resolve("ruleset.yaml").toString(),
                            file.toString())
                    .directory(tools.toFile())
                    .redirectErrorStream(false)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("spectral did not finish within 120 s");
            }
            Files.deleteIfExists(file);
            if (output.isBlank()) {
                throw new IllegalStateException(
                        "spectral gave no report (exit " + process.exitValue() + "): " + errors);
            }
            List<String> found = new ArrayList<>();
            for (JsonNode result : new ObjectMapper().readTree(output)) {
                if (result.path("severity").asInt() == 0) {
                    List<String> path = new ArrayList<>();
                    result.path("path").forEach(step -> path.add(step.asText()));
                    found.add(result.path("code").asText() + " at " + String.join(".", path) + ": "
                            + result.path("message").asText());
                }
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** tools/spectral of this checkout, found from the module a test runs in. */
    private static Path spectralHome() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/spectral");
            if (Files.isRegularFile(candidate.resolve("ruleset.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "tools/spectral not found above " + Path.of("").toAbsolutePath());
    }
}
