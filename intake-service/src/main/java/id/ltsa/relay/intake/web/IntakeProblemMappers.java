package id.ltsa.relay.intake.web;

import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.ProblemMappers;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * intake's own errors as problems, beside the shared ones ({@link id.ltsa.relay.http.ProblemMappers}): an overload
 * and a full disk, both answered 503 with Retry-After.
 */
public class IntakeProblemMappers {

    private static final Logger LOG = Logger.getLogger(IntakeProblemMappers.class);

    /** More registrations at once than the database can take: ask the client to come back in a second. */
    @ServerExceptionMapper
    public Response overloaded(BulkheadException e) {
        return Response.fromResponse(ProblemMappers.answer(Problems.overloaded()))
                .header("Retry-After", 1)
                .build();
    }

    /**
     * PostgreSQL ran out of disk (SQLSTATE class 53, insufficient resources: 53100 disk full): its transaction is
     * refused whole, so nothing is half stored, and the client is asked to come back.
     */
    @ServerExceptionMapper
    public Response storage(PersistenceException e) {
        String state = sqlState(e);
        if (state != null && state.startsWith("53")) {
            return Response.fromResponse(ProblemMappers.answer(Problems.diskFull()))
                    .header("Retry-After", 60)
                    .build();
        }
        LOG.error("A database error reached the client as 500", e);
        return ProblemMappers.answer(HttpProblems.internal());
    }

    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
