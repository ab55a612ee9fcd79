package id.ltsa.relay.submission.callback;

import java.time.Instant;

/** The body of a central API callback. */
public record CentralDecision(String centralReference, String status, String reason, Instant occurredAt) {
}
