package id.ltsa.relay.intake.tracking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits public tracking lookups per client address, so nobody can walk the space of tracking codes. A fixed window
 * per address, in memory: the limit protects one instance's endpoint, a few lines do it, and a library or a shared
 * store would add more moving parts than the threat needs.
 */
@ApplicationScoped
public class TrackingRateLimiter {

    @ConfigMapping(prefix = "ltsa.tracking.rate-limit")
    public interface Config {

        @WithDefault("30")
        int requests();

        @WithDefault("1m")
        Duration window();
    }

    private record Window(long start, int count) {
    }

    private final Config config;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    TrackingRateLimiter(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @return zero when the request may go ahead, otherwise how long the client must wait */
    public Duration admit(String clientAddress) {
        long now = clock.millis();
        long windowMillis = config.window().toMillis();
        Window window = windows.compute(clientAddress, (address, current) ->
                current == null || now - current.start() >= windowMillis
                        ? new Window(now, 1)
                        : new Window(current.start(), current.count() + 1));
        if (windows.size() > 10_000) {
            windows.values().removeIf(old -> now - old.start() >= windowMillis);
        }
        if (window.count() <= config.requests()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(window.start() + windowMillis - now);
    }
}
