package id.ltsa.relay.submission.lag;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** One consumer group at one moment: whether any consumer is connected, and each partition it reads. */
record GroupSample(String group, boolean hasMembers, Map<TopicPartition, OffsetSample> partitions) {}
