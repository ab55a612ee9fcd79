package id.ltsa.relay.submission.central;

import java.time.Duration;

/** What one call to the central API came to. */
public sealed interface CentralOutcome {

    /** Created (201) or created before under the same key (200). */
    record Accepted(String centralReference) implements CentralOutcome {
    }

    /** The central API found the data invalid (422): permanent until the office amends it. */
    record Returned(String reason) implements CentralOutcome {
    }

    /** Not reached, not answered, or not now (5xx, 429, timeout, reset): try again later. */
    record Failed(String error, Duration retryAfter, boolean linkProblem) implements CentralOutcome {
    }
}
