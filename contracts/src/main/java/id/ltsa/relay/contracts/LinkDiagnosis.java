package id.ltsa.relay.contracts;

/**
 * The likely cause of a DOWN link to the central API, so the people told can act on the right thing first. At a
 * district office the commonest cause is the office's own internet (East Lombok: an unpaid bill), so it is told apart
 * from a central API that is failing.
 */
public enum LinkDiagnosis {
    /** Nothing upstream answers: connections (or name lookups) fail to central and to a second upstream target. */
    UPLINK_DOWN,
    /** Central is reached but failing: it answers 5xx or 429 to everything, or accepts calls and never answers. */
    CENTRAL_ERRORS,
    /** Central refuses, resets or leaves unanswered the connections themselves, while the rest of the internet works. */
    CENTRAL_REFUSES
}
