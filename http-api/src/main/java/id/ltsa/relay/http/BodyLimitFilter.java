package id.ltsa.relay.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a body over the limit with a problem before reading it. The HTTP layer would refuse it too, but with a bare
 * 413 that a district office's program could not tell from a proxy's. A chunked body has no length to check up front:
 * {@link ChunkedBodyLimit} counts it as it is read.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBodyBytes;

    BodyLimitFilter(HttpApiConfig limit) {
        this.maxBodyBytes = limit.maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null
                    && length.chars().allMatch(Character::isDigit)
                    && !length.isEmpty()
                    && Long.parseLong(length) > maxBodyBytes) {
                tooLarge(context.response());
            } else {
                context.next();
            }
        });
    }

    private void tooLarge(HttpServerResponse response) {
        response.setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(Json.encode(HttpProblems.payloadTooLarge(maxBodyBytes)));
    }
}
