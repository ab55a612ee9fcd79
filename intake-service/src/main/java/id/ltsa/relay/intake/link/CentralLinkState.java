package id.ltsa.relay.intake.link;

import id.ltsa.relay.contracts.LinkDiagnosis;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The link to the central API as the counter sees it with each application. */
@Schema(
        name = "CentralLink",
        description = "The office's link to the central API, as last announced by"
                + " submission-service. While it is DOWN an application is saved and goes to the centre automatically when"
                + " the link returns: the counter can tell the applicant so.")
public record CentralLinkState(
        @Schema(
                enumeration = {"UP", "DOWN", "UNKNOWN"},
                maxLength = 7,
                description = "UNKNOWN until the first announcement")
        String state,

        @Schema(nullable = true, format = "date-time", maxLength = 35, description = "When the link entered this state")
        Instant since,

        @Schema(
                nullable = true,
                maxLength = 20,
                description =
                        "While DOWN, the likely cause; UPLINK_DOWN means the office's own" + " internet connection")
        LinkDiagnosis diagnosis) {}
