package id.ltsa.relay.intake.application;

/** The body of POST /api/v1/applications/{id}/withdrawal; the reason is optional. */
public record WithdrawalRequest(String reason) {
}
