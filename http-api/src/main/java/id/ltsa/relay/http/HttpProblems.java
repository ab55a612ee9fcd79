package id.ltsa.relay.http;

import java.util.List;

/**
 * The problems every office service answers with the same way. A service's own (a duplicate application, a state
 * that forbids the change) sit beside its resources and are built with {@link Problem#of}.
 */
public final class HttpProblems {

    private HttpProblems() {}

    public static Problem invalid(List<FieldError> errors) {
        return Problem.invalid(errors);
    }

    /** One bad field (a query parameter, say). */
    public static Problem invalid(String field, String message) {
        return Problem.invalid(List.of(new FieldError(field, message)));
    }

    public static Problem notFound(String detail) {
        return Problem.of("not-found", "Not found", 404, detail);
    }

    public static Problem forbidden() {
        return Problem.of("forbidden", "Forbidden", 403, "This token's role may not do this");
    }

    public static Problem officeRequired() {
        return Problem.of(
                "office-required",
                "Office token required",
                403,
                "Only an office token, with a 4-digit office claim, can do this");
    }

    /** For an unauthenticated caller the token check answers (no body); this is for other credentials, signatures. */
    public static Problem unauthorized(String detail) {
        return Problem.of("unauthorized", "Not authenticated", 401, detail);
    }

    public static Problem payloadTooLarge(long maxBodyBytes) {
        return Problem.of(
                "payload-too-large",
                "Request too large",
                413,
                "The body must be at most " + maxBodyBytes / 1024 + " KiB");
    }

    public static Problem unsupportedMediaType() {
        return Problem.of(
                "unsupported-media-type", "Unsupported media type", 415, "Send the request body as application/json");
    }

    public static Problem internal() {
        return Problem.of("internal", "Internal error", 500, "Something went wrong; it is logged");
    }
}
