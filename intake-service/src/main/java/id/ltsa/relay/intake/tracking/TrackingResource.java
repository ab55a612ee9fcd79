package id.ltsa.relay.intake.tracking;

import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.intake.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The public lookup an applicant (or a relative on WhatsApp) uses with nothing but the tracking code. */
@Path("/api/v1/track")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TrackingResource {

    @GET
    @Path("/{trackingCode}")
    public TrackingView track(@PathParam("trackingCode") String trackingCode,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Application application = Application.<Application>find("trackingCode", trackingCode).firstResultOptional()
                .orElseThrow(ProblemException::notFound);
        boolean english = acceptLanguage != null && acceptLanguage.trim().toLowerCase().startsWith("en");
        return new TrackingView(application.trackingCode, application.status,
                StatusLabels.label(application.status, english), application.updatedAt, initials(application.fullName));
    }

    static String initials(String fullName) {
        return Arrays.stream(fullName.trim().split("\\s+"))
                .filter(part -> !part.isEmpty() && Character.isLetter(part.charAt(0)))
                .map(part -> Character.toUpperCase(part.charAt(0)) + ".")
                .collect(Collectors.joining(" "));
    }
}
