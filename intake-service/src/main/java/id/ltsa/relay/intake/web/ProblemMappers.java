package id.ltsa.relay.intake.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotSupportedException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the service as {@code application/problem+json}. */
public class ProblemMappers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response answer = answer(e.problem());
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(answer).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return answer;
    }

    /** Unparseable JSON, or a value of the wrong JSON type: the field is named when Jackson knows it. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return answer(Problem.invalid(List.of(new FieldError(field, "has the wrong type"))));
        }
        return answer(Problem.invalid(List.of(new FieldError("body", "is not valid JSON"))));
    }

    /** Quarkus maps this subtype itself, as plain text; the contract wants the field named in a problem. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** More registrations at once than the database can take: ask the client to come back in a second. */
    @ServerExceptionMapper
    public Response overloaded(BulkheadException e) {
        return Response.fromResponse(answer(Problems.overloaded())).header("Retry-After", 1).build();
    }

    /**
     * PostgreSQL ran out of disk (SQLSTATE class 53, insufficient resources: 53100 disk full): its transaction is
     * refused whole, so nothing is half stored, and the client is asked to come back.
     */
    @ServerExceptionMapper
    public Response storage(jakarta.persistence.PersistenceException e) {
        String state = sqlState(e);
        if (state != null && state.startsWith("53")) {
            return Response.fromResponse(answer(Problems.diskFull())).header("Retry-After", 60).build();
        }
        LOG.error("A database error reached the client as 500", e);
        return answer(Problem.of("internal", "Internal error", 500, "Something went wrong; it is logged"));
    }

    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A token whose role may not call this endpoint (the roles of @RolesAllowed). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return answer(Problems.forbidden());
    }

    @ServerExceptionMapper
    public Response tooLarge(ChunkedBodyLimit.TooLarge e) {
        return answer(Problems.payloadTooLarge(e.limit));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return answer(Problems.unsupportedMediaType());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return answer(Problems.payloadTooLarge(64 * 1024));
        }
        return answer(Problem.of("http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status,
                e.getMessage()));
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
