package id.ltsa.relay.notification.modem;

import id.ltsa.relay.audit.AuditAction;
import id.ltsa.relay.audit.Audited;
import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The office modem for ops and the ministry: what it sent and received, and whether it is there. */
@Path("/api/v1/modem")
@Produces(MediaType.APPLICATION_JSON)
public class ModemResource {

    private final ModemMessages messages;
    private final ModemHealth health;

    ModemResource(ModemMessages messages, ModemHealth health) {
        this.messages = messages;
        this.health = health;
    }

    @GET
    @Path("/messages")
    @Audited(AuditAction.MODEM_MESSAGES_READ)
    @RolesAllowed({"ops", "ministry"})
    @Operation(summary = "SMS the office modem sent (or still has to send) and received, newest first (500 at most)")
    public Response messages(
            @Parameter(
                            description = "Only messages to or from this number",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 16))
                    @QueryParam("to")
                    String number,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"out", "in"},
                                            maxLength = 3))
                    @QueryParam("direction")
                    String direction) {
        if (direction != null && !List.of("out", "in").contains(direction)) {
            throw new ProblemException(HttpProblems.invalid("direction", "must be out or in"));
        }
        return Response.ok(Map.of("items", messages.list(number, direction))).build();
    }

    @GET
    @Path("/health")
    @RolesAllowed({"ops", "ministry"})
    @Operation(summary = "The office modem as gammu last reported it: signal, battery, last contact, queue")
    public ModemStatus health() {
        return health.current();
    }
}
