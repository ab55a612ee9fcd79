package id.ltsa.relay.submission.ops;

import id.ltsa.relay.audit.AuditAction;
import id.ltsa.relay.audit.Audited;
import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.http.ProblemMappers;
import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.supervision.ProcessRestarts;
import id.ltsa.relay.submission.supervision.Supervision;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What ops need when the link misbehaves: the backlog, a retry now, and a pause while the centre asks for one. */
@Path("/api/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    /** Where the dashboard finds what this service does not know: the office modem, on notification-service. */
    public record DashboardSettings(
            @Schema(format = "uri", maxLength = 2000) String notificationUrl) {}

    private final BacklogReport backlog;
    private final RetryNow retryNow;
    private final CentralLink link;
    private final Optional<String> notificationUrl;
    private final Supervision supervision;
    private final BacklogHistory history;
    private final Clock clock;

    OpsResource(
            BacklogReport backlog,
            RetryNow retryNow,
            CentralLink link,
            @ConfigProperty(name = "ltsa.dashboard.notification-url") Optional<String> notificationUrl,
            Supervision supervision,
            BacklogHistory history,
            Clock clock) {
        this.backlog = backlog;
        this.retryNow = retryNow;
        this.link = link;
        this.notificationUrl = notificationUrl;
        this.supervision = supervision;
        this.history = history;
        this.clock = clock;
    }

    @GET
    @Path("/dashboard")
    @RolesAllowed({"ops", "ministry"})
    @Operation(summary = "Settings of the ops dashboard: where notification-service (the office modem) answers")
    public DashboardSettings dashboard() {
        return new DashboardSettings(notificationUrl.orElse(null));
    }

    @GET
    @Path("/backlog")
    @RolesAllowed({"ops", "ministry"})
    @Operation(summary = "Applications not yet handed to the central API, by office, with the link state")
    public Backlog backlog() {
        return backlog.current();
    }

    @GET
    @Path("/backlog/history")
    @RolesAllowed({"ops", "ministry"})
    @Operation(
            summary = "The backlog and its oldest pending age over the last 24 hours (5-minute points) or 14 days "
                    + "(hourly points), the worst of each point, for the dashboard's charts")
    @APIResponse(
            responseCode = "200",
            description = "The series, oldest point first",
            content = @Content(schema = @Schema(implementation = BacklogHistory.Series.class)))
    @APIResponse(
            responseCode = "400",
            description = "range is neither 24h nor 14d",
            content = @Content(mediaType = "application/problem+json"))
    public BacklogHistory.Series history(
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"24h", "14d"},
                                            maxLength = 3))
                    @QueryParam("range")
                    @DefaultValue("24h")
                    String range) {
        return BacklogHistory.Range.named(range)
                .map(named -> history.series(named, clock.instant()))
                .orElseThrow(() -> new ProblemException(HttpProblems.invalid("range", "must be 24h or 14d")));
    }

    @GET
    @Path("/processes")
    @RolesAllowed({"ops", "ministry"})
    @Operation(summary = "The office server's processes as their supervisor sees them: running or not, restarts")
    public ProcessRestarts processes() {
        return supervision.current();
    }

    @POST
    @Path("/submissions/{applicationId}/retry")
    @Audited(AuditAction.SUBMISSION_RETRY)
    @RolesAllowed("ops")
    @Operation(summary = "Send a pending application now instead of at its next retry")
    @APIResponse(
            responseCode = "202",
            description = "Due now: the forwarder sends it on its next round",
            content = @Content(schema = @Schema(implementation = RetryAccepted.class)))
    @APIResponse(
            responseCode = "404",
            description = "No pending submission of that application (unknown, already sent, or returned)",
            content = @Content(mediaType = "application/problem+json"))
    public Response retry(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @PathParam("applicationId")
                    String applicationId) {
        return retryNow.retry(applicationId)
                ? Response.accepted(new RetryAccepted(applicationId)).build()
                : ProblemMappers.answer(HttpProblems.notFound("No pending submission " + applicationId));
    }

    /** The answer to a retry: the application now due. */
    public record RetryAccepted(
            @Schema(format = "uuid", maxLength = 36) String applicationId) {}

    @POST
    @Path("/link/pause")
    @Audited(AuditAction.LINK_PAUSE)
    @RolesAllowed("ops")
    @Operation(summary = "Stop sending to the central API (applications keep queuing safely)")
    public Backlog pause() {
        link.setPaused(true);
        return backlog.current();
    }

    @POST
    @Path("/link/resume")
    @Audited(AuditAction.LINK_RESUME)
    @RolesAllowed("ops")
    @Operation(summary = "Resume sending to the central API")
    public Backlog resume() {
        link.setPaused(false);
        retryNow.wakeForwarder();
        return backlog.current();
    }
}
