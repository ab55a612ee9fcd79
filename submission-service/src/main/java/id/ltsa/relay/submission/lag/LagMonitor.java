package id.ltsa.relay.submission.lag;

import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.http.ApiLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Samples every consumer group of the cluster on a timer, keeps a sliding window per partition, judges it the Burrow
 * way and publishes the result as gauges and as the ops report. Scrapes and requests read the last sample, never the
 * broker.
 */
@ApplicationScoped
public class LagMonitor {

    private static final Logger LOG = Logger.getLogger(LagMonitor.class);

    /** What the monitor knows right now. */
    public record Snapshot(
            Instant sampledAt,
            @Schema(maxItems = ApiLimits.LIST_MAX) List<ConsumerGroupReport> groups,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long deadLetters) {}

    private record Key(String group, TopicPartition partition) {}

    private final LagSampler sampler;
    private final LagConfig settings;
    private final Clock clock;
    private final Map<Key, Deque<OffsetSample>> windows = new HashMap<>();
    /** Records waiting in each dead-letter topic of the office, by topic. */
    private final Map<String, AtomicLong> deadLetters = new HashMap<>();

    private volatile Snapshot snapshot = new Snapshot(null, List.of(), 0);
    private MultiGauge lagRecords;
    private MultiGauge lagSeconds;
    private MultiGauge groupStatus;
    private MultiGauge partitionStatus;

    LagMonitor(LagSampler sampler, LagConfig settings, Clock clock) {
        this.sampler = sampler;
        this.settings = settings;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        lagRecords = MultiGauge.builder("ltsa.consumer.lag.records")
                .description("Records published but not yet consumed, per consumer group and partition")
                .register(registry);
        lagSeconds = MultiGauge.builder("ltsa.consumer.lag")
                .baseUnit("seconds")
                .description("Age of the oldest record a consumer group has not consumed yet")
                .register(registry);
        groupStatus = MultiGauge.builder("ltsa.consumer.status")
                .description("1 for the consumer group's Burrow-style status (OK, WARN, ERR), 0 for the others")
                .register(registry);
        partitionStatus = MultiGauge.builder("ltsa.consumer.partition.status")
                .description("1 for the partition's status (OK, WARN, STALL, STOP), 0 for the others")
                .register(registry);
        for (String topic : Topics.DEAD_LETTERS) {
            registry.gauge(
                    "ltsa.dlq.records",
                    Tags.of("topic", topic),
                    deadLetters.computeIfAbsent(topic, unused -> new AtomicLong()));
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    @Scheduled(every = "${ltsa.lag.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try {
            List<GroupSample> samples = sampler.sample();
            Map<String, Long> waiting = sampler.deadLetters();
            waiting.forEach((topic, records) -> deadLetters
                    .computeIfAbsent(topic, unused -> new AtomicLong())
                    .set(records));
            List<ConsumerGroupReport> groups = samples.stream()
                    .map(this::judge)
                    .sorted(Comparator.comparing(ConsumerGroupReport::group))
                    .toList();
            windows.keySet()
                    .removeIf(key -> samples.stream().noneMatch(s -> s.group().equals(key.group())));
            snapshot = new Snapshot(
                    clock.instant(),
                    groups,
                    waiting.values().stream().mapToLong(Long::longValue).sum());
            publish(groups);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the broker may be the thing that is down: keep the last picture, and say so
            LOG.warnf("Consumer lag not sampled: %s", e.toString());
        }
    }

    private ConsumerGroupReport judge(GroupSample sample) {
        List<ConsumerGroupReport.Partition> partitions = new ArrayList<>();
        sample.partitions().forEach((partition, offsets) -> {
            Deque<OffsetSample> window =
                    windows.computeIfAbsent(new Key(sample.group(), partition), key -> new ArrayDeque<>());
            window.addLast(offsets);
            while (window.size() > settings.window()) {
                window.removeFirst();
            }
            ConsumerStatus status = BurrowEvaluator.partition(List.copyOf(window), sample.hasMembers());
            partitions.add(new ConsumerGroupReport.Partition(
                    partition.topic(),
                    partition.partition(),
                    status,
                    offsets.committed(),
                    offsets.end(),
                    offsets.lag(),
                    offsets.lagSeconds()));
        });
        partitions.sort(Comparator.comparing(ConsumerGroupReport.Partition::topic)
                .thenComparing(ConsumerGroupReport.Partition::partition));
        return new ConsumerGroupReport(
                sample.group(),
                BurrowEvaluator.group(partitions.stream()
                        .map(ConsumerGroupReport.Partition::status)
                        .toList()),
                sample.hasMembers(),
                partitions.stream()
                        .mapToLong(ConsumerGroupReport.Partition::lag)
                        .sum(),
                partitions.stream()
                        .mapToLong(ConsumerGroupReport.Partition::lagSeconds)
                        .max()
                        .orElse(0),
                partitions);
    }

    private void publish(List<ConsumerGroupReport> groups) {
        List<MultiGauge.Row<?>> records = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> groupRows = new ArrayList<>();
        List<MultiGauge.Row<?>> partitionRows = new ArrayList<>();
        for (ConsumerGroupReport group : groups) {
            for (ConsumerStatus status : List.of(ConsumerStatus.OK, ConsumerStatus.WARN, ConsumerStatus.ERR)) {
                groupRows.add(MultiGauge.Row.of(
                        Tags.of("group", group.group(), "status", status.name()), group.status() == status ? 1 : 0));
            }
            for (ConsumerGroupReport.Partition partition : group.partitions()) {
                Tags tags = Tags.of(
                        "group",
                        group.group(),
                        "topic",
                        partition.topic(),
                        "partition",
                        Integer.toString(partition.partition()));
                records.add(MultiGauge.Row.of(tags, partition.lag()));
                seconds.add(MultiGauge.Row.of(tags, partition.lagSeconds()));
                for (ConsumerStatus status :
                        List.of(ConsumerStatus.OK, ConsumerStatus.WARN, ConsumerStatus.STALL, ConsumerStatus.STOP)) {
                    partitionRows.add(
                            MultiGauge.Row.of(tags.and("status", status.name()), partition.status() == status ? 1 : 0));
                }
            }
        }
        lagRecords.register(records, true);
        lagSeconds.register(seconds, true);
        groupStatus.register(groupRows, true);
        partitionStatus.register(partitionRows, true);
    }
}
