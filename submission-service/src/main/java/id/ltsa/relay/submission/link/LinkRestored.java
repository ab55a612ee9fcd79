package id.ltsa.relay.submission.link;

import java.time.Instant;

/**
 * Fired when the link came back, at {@code at}: observed in the transaction to make the backlog due (DueSubmissions),
 * and after its commit to start draining it at once.
 */
public record LinkRestored(Instant at) {}
