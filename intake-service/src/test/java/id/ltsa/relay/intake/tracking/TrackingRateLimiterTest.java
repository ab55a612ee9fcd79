package id.ltsa.relay.intake.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The tracking limit's rules on a clock the test moves: a window per address, and a memory that stays bounded. */
class TrackingRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Settings(int requests, Duration window, long maxClients) implements TrackingRateLimiter.Config {}

    final MovingClock clock = new MovingClock();

    @Test
    void an_address_gets_its_requests_per_window_then_waits_for_the_window_to_end() {
        TrackingRateLimiter limiter =
                new TrackingRateLimiter(new Settings(3, Duration.ofMinutes(1), 100), clock, Runnable::run);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.admit("198.51.100.7"));
        }
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(40), limiter.admit("198.51.100.7"));
        assertEquals(Duration.ZERO, limiter.admit("198.51.100.8"), "another address has a window of its own");
        clock.advance(Duration.ofSeconds(40));
        assertEquals(Duration.ZERO, limiter.admit("198.51.100.7"), "a new window");
    }

    @Test
    void a_flood_of_new_addresses_never_holds_more_than_max_clients() {
        TrackingRateLimiter limiter =
                new TrackingRateLimiter(new Settings(30, Duration.ofMinutes(1), 1_000), clock, Runnable::run);
        for (int i = 0; i < 50_000; i++) {
            limiter.admit("2001:db8::" + Integer.toHexString(i));
            if (i % 5_000 == 0) {
                assertTrue(limiter.remembered() <= 1_000, "remembered " + limiter.remembered() + " after " + i);
            }
        }
        assertTrue(limiter.remembered() <= 1_000, "remembered " + limiter.remembered());
    }

    @Test
    void an_address_is_forgotten_once_its_window_has_ended() {
        TrackingRateLimiter limiter =
                new TrackingRateLimiter(new Settings(30, Duration.ofMinutes(1), 1_000), clock, Runnable::run);
        for (int i = 0; i < 500; i++) {
            limiter.admit("203.0.113." + (i % 250) + "/" + i);
        }
        assertEquals(500, limiter.remembered());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(0, limiter.remembered());
    }
}
