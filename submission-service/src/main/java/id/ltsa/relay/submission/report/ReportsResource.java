package id.ltsa.relay.submission.report;

import id.ltsa.relay.http.ApiLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ministry's view across offices: where applications stand and which offices are stuck behind their link. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    public record OfficesReport(
            Instant generatedAt,
            @Schema(maxItems = ApiLimits.LIST_MAX) List<OfficeReport> offices) {}

    private final OfficeReports reports;
    private final Clock clock;

    ReportsResource(OfficeReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @Path("/offices")
    @RolesAllowed({"ministry", "ops"})
    @Operation(
            summary = "Per office: counts by status, oldest pending age, median time RECEIVED to SUBMITTED over"
                    + " the last 7 days, link state and when it last changed")
    public OfficesReport offices() {
        return new OfficesReport(clock.instant(), reports.offices());
    }
}
