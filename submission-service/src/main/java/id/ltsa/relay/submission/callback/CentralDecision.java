package id.ltsa.relay.submission.callback;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a central API callback. */
public record CentralDecision(
        @Schema(maxLength = 100) String centralReference,

        @Schema(
                enumeration = {"APPROVED", "REJECTED", "ISSUED"},
                maxLength = 8)
        String status,

        @Schema(nullable = true, maxLength = 2000) String reason,
        Instant occurredAt) {}
