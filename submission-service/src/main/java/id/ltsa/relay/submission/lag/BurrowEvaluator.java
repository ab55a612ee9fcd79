package id.ltsa.relay.submission.lag;

import java.util.Collection;
import java.util.List;

/**
 * Judges a consumer by how its offsets moved over a sliding window, the way LinkedIn's Burrow does, instead of by a
 * fixed lag threshold: a lag of 5,000 that is shrinking is fine, a lag of 50 that never moves is not.
 *
 * <p>Burrow's rules, in order: any window with a zero lag is OK; a consumer whose committed offset did not move while
 * lag stayed or grew is STALL; one that moved but whose lag never shrank is WARN. Burrow's STOP rule looks at commit
 * timestamps, which Kafka's admin API does not give; a consumer group with no live member while records wait is the
 * same fact, seen from the broker.
 */
public final class BurrowEvaluator {

    /** Fewer samples than this are not evidence of a trend: judge only what is certain. */
    static final int MIN_SAMPLES = 3;

    private BurrowEvaluator() {}

    /** @param window samples oldest first */
    public static ConsumerStatus partition(List<OffsetSample> window, boolean groupHasMembers) {
        if (window.isEmpty() || window.stream().anyMatch(sample -> sample.lag() == 0)) {
            return ConsumerStatus.OK;
        }
        if (!groupHasMembers) {
            return ConsumerStatus.STOP;
        }
        if (window.size() < MIN_SAMPLES || !lagNeverShrinks(window)) {
            return ConsumerStatus.OK;
        }
        OffsetSample first = window.get(0);
        OffsetSample last = window.get(window.size() - 1);
        return last.committed() == first.committed() ? ConsumerStatus.STALL : ConsumerStatus.WARN;
    }

    /** The group's verdict from its partitions' verdicts. */
    public static ConsumerStatus group(Collection<ConsumerStatus> partitions) {
        if (partitions.contains(ConsumerStatus.STALL) || partitions.contains(ConsumerStatus.STOP)) {
            return ConsumerStatus.ERR;
        }
        return partitions.contains(ConsumerStatus.WARN) ? ConsumerStatus.WARN : ConsumerStatus.OK;
    }

    private static boolean lagNeverShrinks(List<OffsetSample> window) {
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).lag() < window.get(i - 1).lag()) {
                return false;
            }
        }
        return true;
    }
}
