package id.ltsa.relay.intake.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/applications/{id}/withdrawal; the reason is optional. */
public record WithdrawalRequest(
        @Schema(nullable = true, maxLength = WithdrawalRequest.MAX_REASON)
        String reason) {

    static final int MAX_REASON = 500;
}
