package id.ltsa.relay.intake.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Limits public tracking lookups per client address, so nobody can walk the space of tracking codes. A fixed window
 * per address, in memory: the limit protects one instance's endpoint. The windows live in a Caffeine cache bounded in
 * size ({@code max-clients}) and expiring a window after it ends, so addresses that come once (or a flood of new
 * ones) cannot grow it without bound; past the bound the least recently seen address is forgotten, which at worst
 * gives that address a fresh window. The client address is the connection's, or X-Forwarded-For's only when the
 * connection comes from a configured proxy ({@code quarkus.http.proxy.trusted-proxies}).
 */
@ApplicationScoped
public class TrackingRateLimiter {

    @ConfigMapping(prefix = "ltsa.tracking.rate-limit")
    public interface Config {

        @WithDefault("30")
        int requests();

        @WithDefault("1m")
        Duration window();

        /** How many client addresses are remembered at most. */
        @WithDefault("10000")
        long maxClients();
    }

    private record Window(long start, int count) {}

    private final Config config;
    private final Clock clock;
    private final Cache<String, Window> windows;

    @Inject
    TrackingRateLimiter(Config config, Clock clock) {
        this(config, clock, Runnable::run);
    }

    /** {@code maintenance} runs Caffeine's evictions: the caller's thread, so the bound holds when admit returns. */
    TrackingRateLimiter(Config config, Clock clock, Executor maintenance) {
        this.config = config;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(config.maxClients())
                .expireAfterWrite(config.window())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(maintenance)
                .build();
    }

    /** @return zero when the request may go ahead, otherwise how long the client must wait */
    public Duration admit(String clientAddress) {
        long now = clock.millis();
        long windowMillis = config.window().toMillis();
        Window window = windows.asMap()
                .compute(
                        clientAddress,
                        (address, current) -> current == null || now - current.start() >= windowMillis
                                ? new Window(now, 1)
                                : new Window(current.start(), current.count() + 1));
        if (window.count() <= config.requests()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(window.start() + windowMillis - now);
    }

    /** How many client addresses are remembered now (after pending evictions). */
    long remembered() {
        windows.cleanUp();
        return windows.estimatedSize();
    }
}
