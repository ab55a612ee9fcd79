package id.ltsa.relay.http;

/**
 * Bounds the OpenAPI documents give numbers and lists that have no natural limit of their own (a count, an age in
 * seconds), so that a validating client can hold an answer to them and the OWASP lint finds every value bounded.
 * Annotation values must be constants, hence text.
 */
public final class ApiLimits {

    /** A count or an age: never negative, at most what a long holds. */
    public static final String COUNT_MIN = "0";

    public static final String COUNT_MAX = "9223372036854775807";
    /** A small counter held in an int (attempts, restarts). */
    public static final String INT_MAX = "2147483647";
    /** A list that is not paged (the offices, the consumer groups, the processes): generously above any real one. */
    public static final int LIST_MAX = 10_000;
    /** A code, a name or a label. */
    public static final int NAME_MAX = 200;

    private ApiLimits() {}
}
