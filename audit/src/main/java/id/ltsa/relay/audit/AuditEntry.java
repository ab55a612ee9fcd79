package id.ltsa.relay.audit;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the audit trail: who (the token's subject, office and roles), did what, to which application, when, and
 * what they were answered. Nothing about the applicant.
 */
public record AuditEntry(
        Instant at,

        @Schema(
                nullable = true,
                maxLength = 255,
                description = "The token's sub; null when the call came without a valid token")
        String subject,

        @Schema(
                nullable = true,
                maxLength = 4,
                pattern = "^\\d{4}$",
                description = "The token's office; null for the ministry and ops")
        String officeCode,

        @Schema(maxLength = 255, description = "The token's groups, comma-separated")
        String roles,

        AuditAction action,
        @Schema(nullable = true) UUID applicationId,

        @Schema(description = "The HTTP status answered", format = "int32", minimum = "100", maximum = "599")
        int outcome) {}
