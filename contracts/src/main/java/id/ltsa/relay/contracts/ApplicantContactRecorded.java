package id.ltsa.relay.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An office received revision {@code revision} of an application (registered, or corrected after RETURNED), and this
 * is how to reach its applicant. Published beside {@link ApplicationReceived} and {@link ApplicationAmended}, on its
 * own topic, so notification-service never receives the full snapshot.
 */
public record ApplicantContactRecorded(
        UUID applicationId,
        String trackingCode,
        String officeCode,
        int revision,
        ApplicantContact contact,
        Instant occurredAt) {

    public static final String TYPE = "id.ltsa.applicant.contact-recorded.v1";
}
