package id.ltsa.relay.contracts;

import java.time.Instant;
import java.util.UUID;

/** The applicant withdrew; a pending send must stop. */
public record ApplicationWithdrawn(
        UUID applicationId, String trackingCode, String officeCode, int revision, String reason, Instant occurredAt)
        implements ApplicationEvent {

    public static final String TYPE = "id.ltsa.application.withdrawn.v1";
}
