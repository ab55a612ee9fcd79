package id.ltsa.relay.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves an office service as {@code application/problem+json}: the problems the code throws, a body
 * Jackson cannot read (naming the field), a role that may not call, a body too large, and anything unexpected as a
 * 500 that says nothing of its cause (which is logged). A service adds mappers of its own for its own exceptions.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final HttpApiConfig limit;

    ProblemMappers(HttpApiConfig limit) {
        this.limit = limit;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response answer = answer(e.problem());
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(answer)
                    .header("Retry-After", e.retryAfterSeconds())
                    .build();
        }
        return answer;
    }

    /** Unparseable JSON, or a value of the wrong JSON type: the field is named when Jackson knows it. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return answer(Problem.invalid(List.of(new FieldError(field, "has the wrong type"))));
        }
        return answer(Problem.invalid(List.of(new FieldError("body", "is not valid JSON"))));
    }

    /** Quarkus maps this subtype itself, as plain text; the contract wants the field named in a problem. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** A token whose role may not call this endpoint (the roles of @RolesAllowed). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(HttpProblems.forbidden());
    }

    @ServerExceptionMapper
    public Response tooLarge(ChunkedBodyLimit.TooLarge e) {
        return answer(HttpProblems.payloadTooLarge(e.limit));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return answer(HttpProblems.unsupportedMediaType());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return answer(HttpProblems.payloadTooLarge(limit.maxBodyBytes()));
        }
        return answer(Problem.of(
                "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage()));
    }

    /**
     * Anything else is a fault of ours: a 500 problem, its cause in the log only (it may hold personal data or SQL).
     * More specific mappers, Quarkus's own for its security exceptions among them, still win.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("An unexpected error reached the client as 500", e);
        return answer(HttpProblems.internal());
    }

    public static Response answer(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
