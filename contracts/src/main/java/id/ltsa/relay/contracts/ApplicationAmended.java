package id.ltsa.relay.contracts;

import java.time.Instant;
import java.util.UUID;

/** A RETURNED application was corrected: the full new snapshot under a new revision, to be sent again. */
public record ApplicationAmended(
        UUID applicationId,
        String trackingCode,
        String officeCode,
        String documentType,
        int revision,
        ApplicantDetails applicant,
        PlacementDetails placement,
        Instant occurredAt)
        implements ApplicationEvent {

    public static final String TYPE = "id.ltsa.application.amended.v1";
}
