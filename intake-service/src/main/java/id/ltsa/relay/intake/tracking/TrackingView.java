package id.ltsa.relay.intake.tracking;

import id.ltsa.relay.contracts.ApplicationStatus;
import java.time.Instant;

/** What anyone holding a tracking code may see: the status, never who the applicant is. */
public record TrackingView(String trackingCode, ApplicationStatus status, String statusLabel, Instant updatedAt,
        String applicantInitials) {
}
