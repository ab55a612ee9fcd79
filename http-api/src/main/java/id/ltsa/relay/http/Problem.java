package id.ltsa.relay.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem: the body of every error answer (application/problem+json)")
public record Problem(
        @Schema(format = "uri", maxLength = 200, description = "https://ltsa-relay.id/problems/<slug>")
        String type,

        @Schema(maxLength = 1000) String title,

        @Schema(format = "int32", minimum = "400", maximum = "599")
        int status,

        @Schema(maxLength = 1000) String detail,

        @Schema(maxItems = 100, description = "For 400: every bad field at once")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://ltsa-relay.id/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(
                TYPE_BASE + "validation",
                "Invalid request",
                400,
                errors.size() + " field(s) are invalid",
                List.copyOf(errors));
    }
}
