package id.ltsa.relay.submission.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator on recorded commit histories: (committed, end) pairs, one per sample, oldest first. */
class BurrowEvaluatorTest {

    @Test
    void a_consumer_that_caught_up_once_in_the_window_is_ok_however_large_the_lag_now() {
        assertEquals(ConsumerStatus.OK, judge(true, 100, 100, 100, 400, 150, 900, 300, 5000));
    }

    @Test
    void a_large_but_shrinking_lag_is_ok() {
        assertEquals(ConsumerStatus.OK, judge(true, 0, 5000, 1000, 5200, 2500, 5300, 4000, 5400));
    }

    @Test
    void a_consumer_that_moves_but_never_gains_ground_is_warn() {
        assertEquals(ConsumerStatus.WARN, judge(true, 0, 50, 20, 80, 40, 110, 60, 140));
    }

    @Test
    void a_connected_consumer_whose_offset_never_moves_while_records_wait_is_stall() {
        assertEquals(ConsumerStatus.STALL, judge(true, 10, 60, 10, 60, 10, 75, 10, 90));
    }

    @Test
    void records_waiting_with_nobody_in_the_group_is_stop_at_once() {
        assertEquals(ConsumerStatus.STOP, judge(false, 10, 60));
    }

    @Test
    void a_group_without_members_but_nothing_waiting_is_ok() {
        assertEquals(ConsumerStatus.OK, judge(false, 60, 60, 60, 60));
    }

    @Test
    void two_samples_are_not_a_trend() {
        assertEquals(ConsumerStatus.OK, judge(true, 10, 60, 10, 70));
    }

    @Test
    void a_group_is_err_when_any_partition_is_stalled_or_stopped_and_warn_when_one_falls_behind() {
        assertEquals(ConsumerStatus.ERR, BurrowEvaluator.group(List.of(ConsumerStatus.OK, ConsumerStatus.STALL)));
        assertEquals(ConsumerStatus.ERR, BurrowEvaluator.group(List.of(ConsumerStatus.WARN, ConsumerStatus.STOP)));
        assertEquals(ConsumerStatus.WARN, BurrowEvaluator.group(List.of(ConsumerStatus.OK, ConsumerStatus.WARN)));
        assertEquals(ConsumerStatus.OK, BurrowEvaluator.group(List.of(ConsumerStatus.OK, ConsumerStatus.OK)));
        assertEquals(ConsumerStatus.OK, BurrowEvaluator.group(List.of()));
    }

    private static ConsumerStatus judge(boolean hasMembers, long... committedAndEnd) {
        List<OffsetSample> window = new ArrayList<>();
        Instant at = Instant.parse("2026-11-28T00:00:00Z");
        for (int i = 0; i < committedAndEnd.length; i += 2) {
            window.add(new OffsetSample(at.plusSeconds(10L * i), committedAndEnd[i], committedAndEnd[i + 1], 0));
        }
        return BurrowEvaluator.partition(window, hasMembers);
    }
}
