package id.ltsa.relay.intake.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.audit.AuditAction;
import id.ltsa.relay.audit.Audited;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.http.Caller;
import id.ltsa.relay.http.FieldError;
import id.ltsa.relay.http.Problem;
import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.intake.idempotency.Claim;
import id.ltsa.relay.intake.idempotency.IdempotencyKeys;
import id.ltsa.relay.intake.idempotency.RequestFingerprint;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The intake API of district offices. The office always comes from the token, never from the body. */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No token, or a bad one: no body, and WWW-Authenticate: Bearer")
@APIResponse(
        responseCode = "403",
        description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApplicationResource {

    /** The last page a list may ask for: a page far past the end still costs an OFFSET scan of all before it. */
    static final int MAX_PAGE = 10_000;

    static final int MAX_SIZE = 100;

    static final String SIZE_RULE = "must be 1 to 100";

    private final ApplicationService applications;
    private final ApplicationChanges changes;
    private final ApplicationSearch search;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;
    private final ObjectMapper json;

    ApplicationResource(
            ApplicationService applications,
            ApplicationChanges changes,
            ApplicationSearch search,
            IdempotencyKeys idempotencyKeys,
            Caller caller,
            ObjectMapper json) {
        this.applications = applications;
        this.changes = changes;
        this.search = search;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("office")
    @Operation(
            summary = "Register an application",
            description = "Stores the application (status RECEIVED) and "
                    + "queues it for the central API. With an Idempotency-Key, a retry of the same body answers the first 201 "
                    + "again with Idempotent-Replayed: true.")
    @APIResponse(
            responseCode = "201",
            description = "Registered, status RECEIVED",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields, each named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "duplicate-application: the NIK already has an open "
                    + "application; idempotency-key-in-use: the first request with this key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body over 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Body not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "More registrations at this moment than the service takes; "
                    + "nothing was stored: send the same request again after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @Parameter(
                            description = "1..255 characters, scoped to the office; kept at least 30 days",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            ApplicationRequest request) {
        String office = caller.requireOffice();
        if (idempotencyKey == null) {
            return created(applications.register(office, request, Optional.empty()));
        }
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
            throw ProblemException.invalid(List.of(new FieldError("Idempotency-Key", "must be 1 to 255 characters")));
        }
        Claim claim = idempotencyKeys.claim(office, idempotencyKey, RequestFingerprint.of(json, request));
        if (claim instanceof Claim.Replay replay) {
            return Response.status(replay.status())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(replay.body())
                    .location(URI.create(replay.location()))
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        Claim.Proceed proceed = (Claim.Proceed) claim;
        try {
            return created(applications.register(office, request, Optional.of(proceed)));
        } catch (RuntimeException e) {
            idempotencyKeys.release(proceed);
            throw e;
        }
    }

    private static Response created(ApplicationView view) {
        return Response.created(URI.create(ApplicationService.location(view)))
                .entity(view)
                .build();
    }

    @GET
    @Audited(AuditAction.APPLICATION_LIST)
    @RolesAllowed({"office", "ministry"})
    @Operation(
            summary = "List applications",
            description = "The office's own (every office's for the ministry), " + "newest first.")
    @APIResponse(
            responseCode = "200",
            description = "{items, page, size, total}",
            content = @Content(schema = @Schema(implementation = ApplicationSearch.Page.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad status, page or size (size is at most 100)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationSearch.Page search(
            @Parameter(schema = @Schema(implementation = ApplicationStatus.class)) @QueryParam("status") String status,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "0",
                                            maximum = "" + MAX_PAGE,
                                            defaultValue = "0"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_SIZE,
                                            defaultValue = "20"))
                    @QueryParam("size")
                    String size) {
        List<FieldError> errors = new ArrayList<>();
        ApplicationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ApplicationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "is not a status of the lifecycle"));
            }
        }
        int pageNumber = parse(page, 0, 0, MAX_PAGE, "page", "must be between 0 and " + MAX_PAGE, errors);
        int pageSize = parse(size, 20, 1, MAX_SIZE, "size", SIZE_RULE, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return search.list(caller, wanted, pageNumber, pageSize);
    }

    private static int parse(
            String value, int fallback, int min, int max, String field, String message, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, message));
        return fallback;
    }

    @GET
    @Path("/{id}")
    @Audited(AuditAction.APPLICATION_READ)
    @RolesAllowed({"office", "ministry"})
    @Operation(summary = "Read an application with its status history")
    @APIResponse(
            responseCode = "200",
            description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such application for this office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView get(
            @Parameter(
                            description = "The application's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @PathParam("id")
                    String id) {
        return applications.find(id, caller);
    }

    @POST
    @Path("/{id}/withdrawal")
    @Audited(AuditAction.APPLICATION_WITHDRAW)
    @RolesAllowed("office")
    @Operation(summary = "Withdraw an application", description = "Stops a pending send; the applicant is told.")
    @APIResponse(
            responseCode = "200",
            description = "The application, now WITHDRAWN",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such application for this office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "invalid-state: already final",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WithdrawalRequest.class)))
    public ApplicationView withdraw(
            @Parameter(
                            description = "The application's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @PathParam("id")
                    String id,
            String body)
            throws java.io.IOException {
        // the body is optional, so a client may POST nothing at all, not even a Content-Type
        WithdrawalRequest request =
                body == null || body.isBlank() ? null : json.readValue(body, WithdrawalRequest.class);
        return changes.withdraw(id, caller, request);
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(AuditAction.APPLICATION_AMEND)
    @RolesAllowed("office")
    @Operation(
            summary = "Correct a RETURNED application",
            description = "Validated like a new one; the revision "
                    + "goes up by one, the status back to RECEIVED, and it is sent again under a new idempotency key.")
    @APIResponse(
            responseCode = "200",
            description = "The amended application",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such application for this office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "invalid-state: not RETURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView amend(
            @Parameter(
                            description = "The application's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @PathParam("id")
                    String id,
            AmendmentRequest amendment) {
        return changes.amend(id, caller, amendment);
    }
}
