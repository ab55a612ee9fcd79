package id.ltsa.relay.submission.central;

import id.ltsa.relay.drain.WireFailure;
import java.time.Duration;

/** What one call to the central API came to. */
public sealed interface CentralOutcome {

    /** Created (201) or created before under the same key (200). */
    record Accepted(String centralReference) implements CentralOutcome {}

    /** The central API found the data invalid (422): permanent until the office amends it. */
    record Returned(String reason) implements CentralOutcome {}

    /** Not reached, not answered, or not now (5xx, 429, timeout, reset): try again later. */
    record Failed(String error, Duration retryAfter, Failure failure) implements CentralOutcome {

        /** The call never got an HTTP answer: the link, not the application, is the problem. */
        public boolean linkProblem() {
            return failure != Failure.ERROR_ANSWER;
        }
    }

    /** How a call failed, as far as the wire tells: what the link diagnosis is worked out from. */
    enum Failure {
        /** The connection never opened: timed out, no route, or the name did not resolve. */
        UNREACHABLE,
        /** The connection was refused, reset or closed before any answer. */
        REFUSED,
        /** The connection opened and the request went, but no answer came in time. */
        NO_ANSWER,
        /** An HTTP answer that says "not now": 5xx or 429. */
        ERROR_ANSWER;

        static Failure of(WireFailure wire) {
            return switch (wire) {
                case UNREACHABLE -> UNREACHABLE;
                case REFUSED, RESET -> REFUSED;
                case NO_ANSWER -> NO_ANSWER;
            };
        }
    }
}
