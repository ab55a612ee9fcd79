package id.ltsa.relay.ministry.fleet;

import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The ministry's view of every office: which are silent, cut off from central, or never seen. */
@Path("/api/v1/fleet/offices")
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {

    private final FleetView fleet;

    FleetResource(FleetView fleet) {
        this.fleet = fleet;
    }

    @GET
    @RolesAllowed({"ministry", "ops"})
    @Operation(summary = "Every office, those that need attention first (NEVER_SEEN, SILENT, LINK_DOWN), then OK")
    public Map<String, List<FleetView.OfficeLine>> offices() {
        return Map.of("items", fleet.offices());
    }

    @GET
    @Path("/{officeCode}")
    @RolesAllowed({"ministry", "ops"})
    @Operation(
            summary = "One office with its history of states and its report (counts by status, median RECEIVED to"
                    + " SUBMITTED over 7 days, applications per day)")
    @APIResponse(
            responseCode = "200",
            description = "The office",
            content = @Content(schema = @Schema(implementation = FleetView.OfficeDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "No office of that code has been heard of or registered",
            content = @Content(mediaType = "application/problem+json"))
    public FleetView.OfficeDetail office(@PathParam("officeCode") String code) {
        return fleet.office(code).orElseThrow(() -> new ProblemException(HttpProblems.notFound("No such office")));
    }
}
