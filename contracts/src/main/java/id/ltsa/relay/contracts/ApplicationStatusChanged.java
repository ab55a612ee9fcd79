package id.ltsa.relay.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An application moved to a new status. Carries no personal data: the ministry consumes this topic.
 *
 * <p>{@code revision} tells which revision of the application the change belongs to, so consumers can order changes
 * across an amendment; {@code episode} numbers the outage episodes of one application, so a notifier can tell one
 * DELAYED episode from the next.
 */
public record ApplicationStatusChanged(
        UUID applicationId,
        String trackingCode,
        String officeCode,
        ApplicationStatus status,
        ApplicationStatus previousStatus,
        String reason,
        String centralReference,
        int attempt,
        Instant nextAttemptAt,
        int revision,
        int episode,
        Instant occurredAt) {

    public static final String TYPE = "id.ltsa.application.status-changed.v1";
}
