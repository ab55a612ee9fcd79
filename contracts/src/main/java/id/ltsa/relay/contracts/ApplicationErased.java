package id.ltsa.relay.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The applicant's personal data was erased at intake: every service erases its own copy (submission the snapshot sent
 * to central, notification the contact details). Only for a final application; nothing about the applicant in it.
 */
public record ApplicationErased(
        UUID applicationId,
        String trackingCode,
        String officeCode,
        int revision,
        ErasureReason reason,
        Instant occurredAt)
        implements ApplicationEvent {

    public static final String TYPE = "id.ltsa.application.erased.v1";
}
