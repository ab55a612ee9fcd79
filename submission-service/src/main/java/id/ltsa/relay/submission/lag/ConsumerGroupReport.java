package id.ltsa.relay.submission.lag;

import id.ltsa.relay.http.ApiLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consumer group as ops see it: the verdict, the waiting records and how old the oldest of them is. */
public record ConsumerGroupReport(
        @Schema(maxLength = ApiLimits.NAME_MAX) String group,
        ConsumerStatus status,
        boolean hasMembers,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long lag,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long lagSeconds,

        @Schema(maxItems = ApiLimits.LIST_MAX) List<Partition> partitions) {

    public record Partition(
            @Schema(maxLength = ApiLimits.NAME_MAX) String topic,

            @Schema(format = "int32", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.INT_MAX)
            int partition,

            ConsumerStatus status,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long committedOffset,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long endOffset,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long lag,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long lagSeconds) {}
}
