package id.ltsa.relay.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LifecyclePositionTest {

    /** What SQL is told (the statuses ranked below) says what the position's order says, for every pair. */
    @Test
    void ranked_below_agrees_with_the_order_of_positions_within_a_revision() {
        for (ApplicationStatus status : ApplicationStatus.values()) {
            for (ApplicationStatus earlier : ApplicationStatus.values()) {
                assertEquals(
                        new LifecyclePosition(1, status).isAfter(new LifecyclePosition(1, earlier)),
                        status.rankedBelow().contains(earlier),
                        status + " after " + earlier);
            }
        }
    }

    @Test
    void a_later_revision_is_later_whatever_the_status() {
        assertTrue(new LifecyclePosition(2, ApplicationStatus.RECEIVED)
                .isAfter(new LifecyclePosition(1, ApplicationStatus.RETURNED)));
        assertFalse(new LifecyclePosition(1, ApplicationStatus.ISSUED)
                .isAfter(new LifecyclePosition(2, ApplicationStatus.RECEIVED)));
        assertEquals(
                java.util.List.of(ApplicationStatus.ISSUED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN),
                ApplicationStatus.finals());
    }
}
