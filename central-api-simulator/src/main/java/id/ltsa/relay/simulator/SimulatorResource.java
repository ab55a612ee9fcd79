package id.ltsa.relay.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Controls and counters of the simulator, for tests, demos and people reproducing an outage. */
@Path("/sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    public record Decision(String status, String reason) {}

    private final ModeSwitch modes;
    private final UplinkSwitch uplink;
    private final GatewayFaults gatewayFaults;
    private final CentralRegistry registry;
    private final CallbackSender callbacks;
    private final ObjectMapper json;
    private final Clock clock;

    SimulatorResource(
            ModeSwitch modes,
            UplinkSwitch uplink,
            GatewayFaults gatewayFaults,
            CentralRegistry registry,
            CallbackSender callbacks,
            ObjectMapper json,
            Clock clock) {
        this.modes = modes;
        this.uplink = uplink;
        this.gatewayFaults = gatewayFaults;
        this.registry = registry;
        this.callbacks = callbacks;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Path("/mode")
    public ModeSettings mode() {
        return modes.current();
    }

    @PUT
    @Path("/mode")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setMode(Map<String, Object> body) {
        try {
            ModeSettings settings = new ModeSettings(
                    body.get("mode") == null
                            ? null
                            : SimulatorMode.valueOf(body.get("mode").toString()),
                    body.get("latencyMs") == null ? 0 : ((Number) body.get("latencyMs")).longValue(),
                    body.get("failureRate") == null ? 0 : ((Number) body.get("failureRate")).doubleValue(),
                    body.get("retryAfterSeconds") == null ? 1 : ((Number) body.get("retryAfterSeconds")).longValue());
            modes.set(settings);
            return Response.ok(settings).build();
        } catch (IllegalArgumentException | ClassCastException e) {
            return Response.status(400)
                    .entity(Map.of("message", e.getMessage() == null ? "bad body" : e.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("/gateway")
    public GatewayFaults.Settings gateway() {
        return gatewayFaults.current();
    }

    /**
     * {@code {"down": true}} makes the gateway answer 503; {@code withoutWhatsapp} lists numbers WhatsApp refuses and
     * {@code invalidNumbers} numbers every channel refuses (422).
     */
    @PUT
    @Path("/gateway")
    @Consumes(MediaType.APPLICATION_JSON)
    public GatewayFaults.Settings setGateway(GatewayFaults.Settings settings) {
        gatewayFaults.set(settings == null ? GatewayFaults.Settings.NONE : settings);
        return gatewayFaults.current();
    }

    @GET
    @Path("/uplink")
    public UplinkSwitch.Settings uplink() {
        return uplink.current();
    }

    /**
     * {@code {"cut": true}}: the stand-in for an office uplink cut where the local stack cannot make a real one; the
     * central API and the gateway drop connections unanswered until {@code {"cut": false}}.
     */
    @PUT
    @Path("/uplink")
    @Consumes(MediaType.APPLICATION_JSON)
    public UplinkSwitch.Settings setUplink(UplinkSwitch.Settings settings) {
        uplink.set(settings);
        return uplink.current();
    }

    @GET
    @Path("/stats")
    public CentralRegistry.Stats stats() {
        return registry.stats();
    }

    @POST
    @Path("/reset")
    public Response reset() {
        registry.reset();
        modes.set(ModeSettings.NORMAL);
        uplink.set(new UplinkSwitch.Settings(false));
        gatewayFaults.set(GatewayFaults.Settings.NONE);
        return Response.noContent().build();
    }

    @GET
    @Path("/applications/{applicationId}")
    public Response application(@PathParam("applicationId") String applicationId) {
        return registry.revisionsOf(applicationId)
                .map(revisions -> Response.ok(Map.of(
                                "applicationId", applicationId,
                                "creates", revisions.size(),
                                "revisions", revisions))
                        .build())
                .orElse(Response.status(404).build());
    }

    /** Makes the central API decide on an application, which it reports through the signed callback. */
    @POST
    @Path("/applications/{centralReference}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response decide(@PathParam("centralReference") String centralReference, Decision decision) throws Exception {
        if (registry.applicationOf(centralReference).isEmpty()) {
            return Response.status(404).build();
        }
        if (decision == null || !List.of("APPROVED", "REJECTED", "ISSUED").contains(decision.status())) {
            return Response.status(400)
                    .entity(Map.of("message", "status must be APPROVED, REJECTED or ISSUED"))
                    .build();
        }
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("centralReference", centralReference);
        callback.put("status", decision.status());
        callback.put("reason", decision.reason());
        callback.put("occurredAt", clock.instant().toString());
        int answered = callbacks.send(json.writeValueAsString(callback));
        return Response.ok(Map.of("callbackStatus", answered)).build();
    }
}
