package id.ltsa.relay.submission.lag;

/**
 * Burrow's verdicts. A partition is OK, WARN (consuming, but falling behind), STALL (its consumer is there but does not
 * move while records wait) or STOP (nobody consumes while records wait). A group is OK, WARN, or ERR when any of its
 * partitions is stalled or stopped.
 */
public enum ConsumerStatus {
    OK,
    WARN,
    ERR,
    STALL,
    STOP
}
