package id.ltsa.relay.intake.tracking;

import id.ltsa.relay.contracts.ApplicantInitials;
import id.ltsa.relay.contracts.StatusLabels;
import id.ltsa.relay.http.Problem;
import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.intake.web.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public lookup an applicant (or a relative on WhatsApp) uses with nothing but the tracking code. */
@Path("/api/v1/track")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TrackingResource {

    private final TrackingRateLimiter rateLimiter;

    TrackingResource(TrackingRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @GET
    @Path("/{trackingCode}")
    @Operation(
            summary = "Public status lookup by tracking code",
            description = "No token. Never shows personal "
                    + "data: initials only. Labels in Bahasa Indonesia unless Accept-Language is en.")
    @APIResponse(
            responseCode = "200",
            description = "The status",
            content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown tracking code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "Too many lookups from this address; see Retry-After",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrackingView track(
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 16, example = "LTSA-5203-7K3M9Q"))
                    @PathParam("trackingCode")
                    String trackingCode,
            @Parameter(
                            description = "id (the default) or en",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @HeaderParam("Accept-Language")
                    String acceptLanguage,
            @Context HttpServerRequest request) {
        Duration wait = rateLimiter.admit(request.remoteAddress().hostAddress());
        if (!wait.isZero()) {
            throw new ProblemException(Problems.tooManyRequests(), Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        Application application = Application.<Application>find("trackingCode", trackingCode)
                .firstResultOptional()
                .orElseThrow(() -> new ProblemException(Problems.notFound()));
        boolean english =
                acceptLanguage != null && acceptLanguage.trim().toLowerCase().startsWith("en");
        return new TrackingView(
                application.trackingCode,
                application.status,
                StatusLabels.label(application.status, english),
                application.updatedAt,
                ApplicantInitials.of(application.fullName));
    }
}
