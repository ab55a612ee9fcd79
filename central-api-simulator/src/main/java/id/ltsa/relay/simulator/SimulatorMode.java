package id.ltsa.relay.simulator;

/** How the simulated central API behaves right now. */
public enum SimulatorMode {
    /** Answers normally. */
    UP,
    /** Drops every connection without an HTTP answer, like a dead link. */
    DOWN,
    /** Answers after latencyMs, and still creates the application. */
    SLOW,
    /** Answers 503 to a failureRate fraction at random. */
    FLAKY,
    /** Answers 422 with errors and creates nothing. */
    REJECT_ALL,
    /** Answers 429 with Retry-After: retryAfterSeconds, and creates nothing (an addition to the contract's modes). */
    RATE_LIMITED
}
