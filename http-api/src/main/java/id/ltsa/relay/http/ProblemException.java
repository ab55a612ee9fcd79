package id.ltsa.relay.http;

import java.util.List;

/** Thrown anywhere behind a resource to answer with a problem; mapped in one place, {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    /** A problem the client may retry after {@code retryAfterSeconds} (answered as Retry-After). */
    public ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(HttpProblems.invalid(errors));
    }
}
