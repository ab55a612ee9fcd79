package id.ltsa.relay.submission.link;

/** Fired when the link came back; observed after commit to start draining the backlog at once. */
public record LinkRestored() {
}
