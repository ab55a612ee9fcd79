package id.ltsa.relay.submission.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.http.FieldError;
import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.Problem;
import id.ltsa.relay.http.ProblemMappers;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Where the central API reports its decisions. No token: the HMAC signature over the callback's id, its timestamp and
 * the exact body bytes is the credential, so the body is read raw and verified before it is parsed. A callback
 * outside the timestamp's tolerance, or one whose id was taken before, changes nothing (see {@link CallbackSignature}).
 */
@Path("/api/v1/central/callbacks")
@PermitAll
@SecurityScheme(
        securitySchemeName = CentralCallbackResource.SIGNATURE,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Signature",
        description = "sha256=<hex HMAC-SHA256 of "
                + "\"<X-Callback-Id>.<X-Callback-Timestamp>.<body>\"> with the secret shared with the central API")
public class CentralCallbackResource {

    static final String SIGNATURE = "callbackSignature";

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
    @SecurityRequirement(name = SIGNATURE)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CentralDecision.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A decision of the central API (APPROVED, REJECTED, ISSUED)",
            description = "Signed as Standard Webhooks does: X-Callback-Id (unique per callback), "
                    + "X-Callback-Timestamp (Unix seconds, within ltsa.callback.tolerance, default 5 min, of now) and "
                    + "X-Signature: sha256=<hex HMAC-SHA256 of \"<id>.<timestamp>.<body>\">. The same callback id "
                    + "again answers 200 with result REPLAYED and changes nothing.")
    @APIResponse(responseCode = "200", description = "Applied, or already applied")
    @APIResponse(
            responseCode = "400",
            description = "Not a decision; the field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "Missing or wrong signature, or a timestamp outside the " + "tolerance; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No application with this central reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(
            @Parameter(schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @HeaderParam("X-Callback-Id")
                    String callbackId,
            @Parameter(
                            description = "Unix seconds",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 20, pattern = "^[0-9]{1,20}$"))
                    @HeaderParam("X-Callback-Timestamp")
                    String timestamp,
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 71, pattern = "^sha256=[0-9a-f]{64}$"))
                    @HeaderParam("X-Signature")
                    String signatureHeader,
            byte[] body) {
        CallbackSignature.Verdict verdict = body == null
                ? CallbackSignature.Verdict.MISSING
                : signature.check(callbackId, timestamp, signatureHeader, body);
        if (verdict != CallbackSignature.Verdict.VALID) {
            return ProblemMappers.answer(HttpProblems.unauthorized(UNAUTHENTICATED.get(verdict)));
        }
        CentralDecision decision;
        try {
            decision = json.readValue(new String(body, StandardCharsets.UTF_8), CentralDecision.class);
        } catch (java.io.IOException e) {
            return ProblemMappers.answer(
                    HttpProblems.invalid("body", "is not a decision (JSON with centralReference and status)"));
        }
        if (decision.centralReference() == null || !DECISIONS.contains(decision.status())) {
            return ProblemMappers.answer(HttpProblems.invalid(decisionErrors(decision)));
        }
        CentralDecisions.Result result =
                decisions.apply(callbackId, decision, ApplicationStatus.valueOf(decision.status()));
        if (result == CentralDecisions.Result.UNKNOWN_REFERENCE) {
            return ProblemMappers.answer(HttpProblems.notFound("No application with this centralReference"));
        }
        return Response.ok(Map.of("result", result.name())).build();
    }

    private static List<FieldError> decisionErrors(CentralDecision decision) {
        List<FieldError> errors = new ArrayList<>();
        if (decision.centralReference() == null) {
            errors.add(new FieldError("centralReference", "is required"));
        }
        if (!DECISIONS.contains(decision.status())) {
            errors.add(new FieldError("status", "must be APPROVED, REJECTED or ISSUED"));
        }
        return errors;
    }
}
