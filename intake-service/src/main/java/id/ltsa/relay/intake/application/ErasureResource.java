package id.ltsa.relay.intake.application;

import id.ltsa.relay.audit.AuditAction;
import id.ltsa.relay.audit.Audited;
import id.ltsa.relay.http.Caller;
import id.ltsa.relay.http.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The ministry's request to erase an applicant's personal data now, instead of at the end of the retention. */
@Path("/api/v1/applications/{id}/erasure")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final PersonalDataErasure erasure;
    private final Caller caller;

    ErasureResource(PersonalDataErasure erasure, Caller caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Audited(AuditAction.APPLICATION_ERASE)
    @RolesAllowed("ministry")
    @Operation(
            summary = "Erase the applicant's personal data (UU 27/2022)",
            description = "Only a final "
                    + "application (ISSUED, REJECTED, WITHDRAWN). NIK, name, birth date and place, gender, phone and email are "
                    + "erased here and, through id.ltsa.application.erased.v1, in every service; the status history stays. "
                    + "Erasing again changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The application, its applicant's fields now null",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such application",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "invalid-state: the application is not final",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView erase(
            @Parameter(
                            description = "The application's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @PathParam("id")
                    String id) {
        return erasure.onRequest(id, caller);
    }
}
