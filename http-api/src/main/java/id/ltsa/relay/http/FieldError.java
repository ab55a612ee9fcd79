package id.ltsa.relay.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bad field of a request, named by its JSON path (e.g. {@code applicant.nik}). */
public record FieldError(
        @Schema(maxLength = 200, description = "The field's JSON path (applicant.nik) or the parameter's name")
        String field,

        @Schema(maxLength = 500) String message) {}
