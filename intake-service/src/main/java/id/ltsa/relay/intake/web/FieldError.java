package id.ltsa.relay.intake.web;

/** One bad field of a request, named by its JSON path (e.g. {@code applicant.nik}). */
public record FieldError(String field, String message) {
}
