package id.ltsa.relay.ministry.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.OfficeState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetRulesTest {

    static final Duration SILENT_AFTER = Duration.ofMinutes(15);
    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    static final Instant LONG_WATCHING = NOW.minus(Duration.ofHours(1));
    static final Instant JUST_STARTED = NOW.minus(Duration.ofMinutes(1));

    @Test
    void an_office_never_heard_from_is_never_seen() {
        assertEquals(OfficeState.NEVER_SEEN, FleetRules.stateOf(null, null, null, NOW, SILENT_AFTER, LONG_WATCHING));
    }

    @Test
    void an_office_heard_within_silent_after_is_ok_or_link_down_as_it_last_said() {
        Instant recently = NOW.minus(Duration.ofMinutes(14));
        assertEquals(
                OfficeState.OK,
                FleetRules.stateOf(OfficeState.SILENT, recently, "UP", NOW, SILENT_AFTER, LONG_WATCHING));
        assertEquals(
                OfficeState.LINK_DOWN,
                FleetRules.stateOf(OfficeState.OK, recently, "DOWN", NOW, SILENT_AFTER, LONG_WATCHING));
    }

    @Test
    void an_office_not_heard_for_silent_after_is_silent_whatever_it_said_last() {
        Instant quarterHourAgo = NOW.minus(SILENT_AFTER);
        assertEquals(
                OfficeState.SILENT,
                FleetRules.stateOf(OfficeState.OK, quarterHourAgo, "UP", NOW, SILENT_AFTER, LONG_WATCHING));
        assertEquals(
                OfficeState.SILENT,
                FleetRules.stateOf(OfficeState.LINK_DOWN, quarterHourAgo, "DOWN", NOW, SILENT_AFTER, LONG_WATCHING));
    }

    @Test
    void a_watcher_that_just_started_calls_no_office_silent_that_was_not_already() {
        Instant anHourAgo = NOW.minus(Duration.ofHours(1));
        assertEquals(
                OfficeState.OK,
                FleetRules.stateOf(OfficeState.OK, anHourAgo, "UP", NOW, SILENT_AFTER, JUST_STARTED),
                "it may not yet have read what arrived while it was down");
        assertEquals(
                OfficeState.LINK_DOWN,
                FleetRules.stateOf(OfficeState.LINK_DOWN, anHourAgo, "DOWN", NOW, SILENT_AFTER, JUST_STARTED));
        assertEquals(
                OfficeState.SILENT,
                FleetRules.stateOf(OfficeState.SILENT, anHourAgo, "UP", NOW, SILENT_AFTER, JUST_STARTED),
                "a silent office does not look alive because the watcher restarted");
        assertEquals(
                OfficeState.SILENT,
                FleetRules.stateOf(null, anHourAgo, "UP", NOW, SILENT_AFTER, JUST_STARTED),
                "an office with no recorded state gets one at once");
        assertEquals(
                OfficeState.SILENT,
                FleetRules.stateOf(
                        OfficeState.OK, anHourAgo, "UP", JUST_STARTED.plus(SILENT_AFTER), SILENT_AFTER, JUST_STARTED),
                "after the grace it is judged");
    }
}
