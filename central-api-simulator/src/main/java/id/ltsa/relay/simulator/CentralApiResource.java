package id.ltsa.relay.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The ministry's central API, as far as LTSA Relay uses it. DOWN is handled before this, by {@link DeadLinkFilter}. */
@Path("/central/v1/passport-applications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CentralApiResource {

    private final ModeSwitch modes;
    private final CentralRegistry registry;

    CentralApiResource(ModeSwitch modes, CentralRegistry registry) {
        this.modes = modes;
        this.registry = registry;
    }

    @POST
    public Uni<Response> create(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("traceparent") String traceparent,
            JsonNode body) {
        registry.countReceived();
        ModeSettings settings = modes.current();
        Response answer = answer(idempotencyKey, traceparent, body, settings);
        if (settings.mode() == SimulatorMode.SLOW && settings.latencyMs() > 0) {
            // the work is done at once and only the answer is late, so a caller that gives up first still finds
            // the application created: the case idempotency keys exist for
            return Uni.createFrom().item(answer).onItem().delayIt().by(Duration.ofMillis(settings.latencyMs()));
        }
        return Uni.createFrom().item(answer);
    }

    private Response answer(String idempotencyKey, String traceparent, JsonNode body, ModeSettings settings) {
        SimulatorMode mode = settings.mode();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Response.status(400)
                    .entity(errors("Idempotency-Key", "required"))
                    .build();
        }
        if (body == null || !body.hasNonNull("applicationId") || !body.hasNonNull("revision")) {
            return Response.status(400)
                    .entity(errors("applicationId", "applicationId and revision are required"))
                    .build();
        }
        if (mode == SimulatorMode.FLAKY && modes.failsThisTime()) {
            registry.countFailedOnPurpose();
            return Response.status(503)
                    .entity(Map.of("message", "central API temporarily unavailable"))
                    .build();
        }
        if (mode == SimulatorMode.RATE_LIMITED) {
            return Response.status(429)
                    .header("Retry-After", settings.retryAfterSeconds())
                    .entity(Map.of("message", "too many requests"))
                    .build();
        }
        if (mode == SimulatorMode.REJECT_ALL) {
            registry.countRejected();
            return Response.status(422)
                    .entity(errors("applicant.nik", "NIK not found in the Dukcapil population register"))
                    .build();
        }
        CentralRegistry.Creation creation = registry.create(
                idempotencyKey,
                body.get("applicationId").asText(),
                body.get("revision").asInt(),
                body,
                traceparent);
        return Response.status(creation.replayed() ? 200 : 201)
                .entity(Map.of("centralReference", creation.revision().centralReference(), "status", "ACCEPTED"))
                .build();
    }

    private static Map<String, Object> errors(String field, String message) {
        return Map.of("errors", List.of(Map.of("field", field, "message", message)));
    }
}
