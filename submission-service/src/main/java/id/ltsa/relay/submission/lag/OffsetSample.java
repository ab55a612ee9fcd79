package id.ltsa.relay.submission.lag;

import java.time.Instant;

/**
 * One look at one partition of one consumer group: where the group had committed, where the partition ended, and how
 * old the first record the group has not consumed yet is (zero when it has consumed everything).
 */
public record OffsetSample(Instant at, long committed, long end, long lagSeconds) {

    public long lag() {
        return Math.max(0, end - committed);
    }
}
