package id.ltsa.relay.submission.queue;

/** Fired when a submission became due; observed after commit to wake the forwarder at once. */
public record SubmissionDue() {}
