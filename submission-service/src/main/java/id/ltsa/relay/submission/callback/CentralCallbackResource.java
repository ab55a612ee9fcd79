package id.ltsa.relay.submission.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Where the central API reports its decisions. No token: the HMAC signature over the callback's id, its timestamp and
 * the exact body bytes is the credential, so the body is read raw and verified before it is parsed. A callback
 * outside the timestamp's tolerance, or one whose id was taken before, changes nothing (see {@link CallbackSignature}).
 */
@Path("/api/v1/central/callbacks")
@PermitAll
public class CentralCallbackResource {

    private static final Set<String> DECISIONS = Set.of("APPROVED", "REJECTED", "ISSUED");
    private static final Map<CallbackSignature.Verdict, String> UNAUTHENTICATED = Map.of(
            CallbackSignature.Verdict.MISSING, "X-Callback-Id, X-Callback-Timestamp and X-Signature are required",
            CallbackSignature.Verdict.WRONG, "invalid signature",
            CallbackSignature.Verdict.STALE, "X-Callback-Timestamp is outside the tolerance");

    private final CallbackSignature signature;
    private final CentralDecisions decisions;
    private final ObjectMapper json;

    CentralCallbackResource(CallbackSignature signature, CentralDecisions decisions, ObjectMapper json) {
        this.signature = signature;
        this.decisions = decisions;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A decision of the central API (APPROVED, REJECTED, ISSUED)",
            description = "Signed as Standard Webhooks does: X-Callback-Id (unique per callback), "
                    + "X-Callback-Timestamp (Unix seconds, within ltsa.callback.tolerance, default 5 min, of now) and "
                    + "X-Signature: sha256=<hex HMAC-SHA256 of \"<id>.<timestamp>.<body>\">. The same callback id "
                    + "again answers 200 with result REPLAYED and changes nothing.")
    @APIResponse(responseCode = "200", description = "Applied, or already applied")
    @APIResponse(responseCode = "400", description = "Not a decision")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, or a timestamp outside the "
            + "tolerance; nothing changed")
    @APIResponse(responseCode = "404", description = "No application with this central reference")
    public Response receive(@HeaderParam("X-Callback-Id") String callbackId,
            @HeaderParam("X-Callback-Timestamp") String timestamp, @HeaderParam("X-Signature") String signatureHeader,
            byte[] body) {
        CallbackSignature.Verdict verdict = body == null ? CallbackSignature.Verdict.MISSING
                : signature.check(callbackId, timestamp, signatureHeader, body);
        if (verdict != CallbackSignature.Verdict.VALID) {
            return Response.status(401).entity(Map.of("message", UNAUTHENTICATED.get(verdict))).build();
        }
        CentralDecision decision;
        try {
            decision = json.readValue(new String(body, StandardCharsets.UTF_8), CentralDecision.class);
        } catch (java.io.IOException e) {
            return Response.status(400).entity(Map.of("message", "body is not a decision")).build();
        }
        if (decision.centralReference() == null || !DECISIONS.contains(decision.status())) {
            return Response.status(400)
                    .entity(Map.of("message", "centralReference and status APPROVED, REJECTED or ISSUED required"))
                    .build();
        }
        CentralDecisions.Result result = decisions.apply(callbackId, decision,
                ApplicationStatus.valueOf(decision.status()));
        if (result == CentralDecisions.Result.UNKNOWN_REFERENCE) {
            return Response.status(404).entity(Map.of("message", "unknown centralReference")).build();
        }
        return Response.ok(Map.of("result", result.name())).build();
    }
}
