package id.ltsa.relay.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.localstack.DevTokens;
import id.ltsa.relay.localstack.MinistrySide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The ministry's fleet API, as the ministry's own people and systems read it. */
public final class Ministry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MinistrySide side;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Ministry(MinistrySide side, DevTokens tokens) {
        this.side = side;
        this.token = tokens.token(null, "ministry");
    }

    /** Every office's line of {@code GET /api/v1/fleet/offices}. */
    public JsonNode offices() {
        return get("/api/v1/fleet/offices").path("items");
    }

    public Optional<JsonNode> line(String officeCode) {
        for (JsonNode line : offices()) {
            if (officeCode.equals(line.path("officeCode").asText())) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** An office's state, or "?" when ministry-watch does not list it. */
    public String state(String officeCode) {
        return line(officeCode).map(line -> line.path("state").asText()).orElse("?");
    }

    /** {@code GET /api/v1/fleet/offices/{code}}: the line, its history and its report. */
    public JsonNode office(String officeCode) {
        return get("/api/v1/fleet/offices/" + officeCode);
    }

    /** How many of the office's applications the ministry knows of, across every status. */
    public long applications(String officeCode) {
        long sum = 0;
        for (JsonNode count : office(officeCode).path("report").path("countsByStatus")) {
            sum += count.asLong();
        }
        return sum;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(side.watchUrl() + path))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
