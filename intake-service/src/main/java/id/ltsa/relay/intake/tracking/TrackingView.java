package id.ltsa.relay.intake.tracking;

import id.ltsa.relay.contracts.ApplicationStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone holding a tracking code may see: the status, never who the applicant is. */
public record TrackingView(
        @Schema(maxLength = 16, example = "LTSA-5203-7K3M9Q")
        String trackingCode,

        ApplicationStatus status,

        @Schema(maxLength = 200, description = "The status in the language asked for")
        String statusLabel,

        Instant updatedAt,

        @Schema(maxLength = 10, nullable = true, description = "D. H. for Darwan Hadi; null once erased")
        String applicantInitials) {}
