package id.ltsa.relay.intake.application;

/** The body of POST /api/v1/applications/{id}/amendments: the corrected applicant and/or placement, each whole. */
public record AmendmentRequest(ApplicationRequest.Applicant applicant, ApplicationRequest.Placement placement) {}
