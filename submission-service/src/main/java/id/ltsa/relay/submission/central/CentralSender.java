package id.ltsa.relay.submission.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.drain.WireFailure;
import id.ltsa.relay.submission.central.CentralOutcome.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Makes one call to the central API and says what it came to, whatever happens on the wire. */
@ApplicationScoped
public class CentralSender {

    private final CentralApiClient client;
    private final ObjectMapper json;

    CentralSender(@RestClient CentralApiClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    public CentralOutcome send(String idempotencyKey, String application) {
        try (Response response = client.create(idempotencyKey, application)) {
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                return new CentralOutcome.Accepted(field(response, "centralReference"));
            }
            if (status == 422) {
                return new CentralOutcome.Returned(errors(response));
            }
            if (status == 429) {
                return new CentralOutcome.Failed("429 Too Many Requests", retryAfter(response), Failure.ERROR_ANSWER);
            }
            // the central API answered, so the link works: a 5xx is this attempt's problem, retried with backoff
            return new CentralOutcome.Failed("HTTP " + status, Duration.ZERO, Failure.ERROR_ANSWER);
        } catch (ProcessingException e) {
            // connect refused, reset, timeout: the link, not the application
            return failedOnTheWire(e);
        }
    }

    /**
     * A light call that proves the link carries requests: any answer but 5xx and 429 (even 405) will do.
     *
     * @return empty when the central API answered, otherwise how it failed
     */
    public Optional<CentralOutcome.Failed> probe() {
        try (Response response = client.probe()) {
            int status = response.getStatus();
            return status >= 500 || status == 429
                    ? Optional.of(new CentralOutcome.Failed("HTTP " + status, Duration.ZERO, Failure.ERROR_ANSWER))
                    : Optional.empty();
        } catch (ProcessingException e) {
            return Optional.of(failedOnTheWire(e));
        }
    }

    private static CentralOutcome.Failed failedOnTheWire(ProcessingException e) {
        return new CentralOutcome.Failed(rootMessage(e), Duration.ZERO, Failure.of(WireFailure.of(e)));
    }

    private String field(Response response, String name) {
        JsonNode body = body(response);
        return body.path(name).asText(null);
    }

    private String errors(Response response) {
        JsonNode errors = body(response).path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return "Rejected by the central API";
        }
        StringBuilder reason = new StringBuilder();
        for (JsonNode error : errors) {
            if (!reason.isEmpty()) {
                reason.append("; ");
            }
            reason.append(error.path("field").asText("?"))
                    .append(": ")
                    .append(error.path("message").asText(""));
        }
        return reason.toString();
    }

    private JsonNode body(Response response) {
        try {
            return json.readTree(response.readEntity(String.class));
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static Duration retryAfter(Response response) {
        String header = response.getHeaderString("Retry-After");
        try {
            return header == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(30);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
