package id.ltsa.relay.contracts;

import java.time.Instant;
import java.util.UUID;

/** An office registered a new application: the full snapshot, revision 1. */
public record ApplicationReceived(
        UUID applicationId,
        String trackingCode,
        String officeCode,
        String documentType,
        int revision,
        ApplicantDetails applicant,
        PlacementDetails placement,
        Instant occurredAt)
        implements ApplicationEvent {

    public static final String TYPE = "id.ltsa.application.received.v1";
}
