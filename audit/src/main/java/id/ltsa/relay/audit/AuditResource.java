package id.ltsa.relay.audit;

import id.ltsa.relay.http.FieldError;
import id.ltsa.relay.http.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** This service's audit trail, for ops and the ministry: newest first, filtered by application, subject or action. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed({"ops", "ministry"})
    @Audited(AuditAction.AUDIT_READ)
    @Operation(
            summary = "Who read, listed or changed what (this service's part)",
            description = "Append-only. "
                    + "Entries carry the token's subject, office and roles, the action, the application id and the answer's "
                    + "status, never an applicant's personal data.")
    @APIResponse(
            responseCode = "200",
            description = "A page of entries, newest first",
            content = @Content(schema = @Schema(implementation = AuditLog.Page.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter or page, named in errors[].field",
            content = @Content(mediaType = "application/problem+json"))
    public Response entries(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @QueryParam("applicationId")
                    String applicationId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 255)) @QueryParam("subject")
                    String subject,
            @Parameter(schema = @Schema(implementation = AuditAction.class)) @QueryParam("action") String action,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "10000"))
                    @QueryParam("page")
                    @DefaultValue("0")
                    int page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100"))
                    @QueryParam("size")
                    @DefaultValue("50")
                    int size)
            throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        UUID application = null;
        if (applicationId != null) {
            try {
                application = UUID.fromString(applicationId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("applicationId", "must be an application id (a UUID)"));
            }
        }
        AuditAction filter = null;
        if (action != null) {
            try {
                filter = AuditAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("action", "must be one of " + List.of(AuditAction.values())));
            }
        }
        if (page < 0 || page > 10_000) {
            errors.add(new FieldError("page", "must be between 0 and 10000"));
        }
        if (size < 1 || size > 100) {
            errors.add(new FieldError("size", "must be between 1 and 100"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return Response.ok(log.page(new AuditLog.Query(application, subject, filter, page, size)))
                .build();
    }
}
