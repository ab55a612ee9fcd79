package id.ltsa.relay.drain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (a random wait between zero and the exponential bound), so thousands of
 * applications delayed by the same outage do not all retry in the same second when it ends.
 */
public record Backoff(Duration base, Duration cap) {

    public Duration after(int attempts) {
        long bound = cap.toMillis();
        if (attempts < 31) {
            bound = Math.min(cap.toMillis(), base.toMillis() << Math.max(0, attempts - 1));
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
