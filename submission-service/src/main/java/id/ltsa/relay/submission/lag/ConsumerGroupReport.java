package id.ltsa.relay.submission.lag;

import java.util.List;

/** A consumer group as ops see it: the verdict, the waiting records and how old the oldest of them is. */
public record ConsumerGroupReport(String group, ConsumerStatus status, boolean hasMembers, long lag,
        long lagSeconds, List<Partition> partitions) {

    public record Partition(String topic, int partition, ConsumerStatus status, long committedOffset,
            long endOffset, long lag, long lagSeconds) {
    }
}
