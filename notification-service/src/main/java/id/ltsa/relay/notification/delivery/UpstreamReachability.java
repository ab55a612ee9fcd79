package id.ltsa.relay.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which upstream service was last found silent: a connection to it that never opened. Until the recheck time nothing
 * else is sent its way (each try would hold the sender for a connect timeout); the first message after that time asks
 * again. Kept in memory, per instance: after a restart the first message simply finds out again.
 */
@ApplicationScoped
class UpstreamReachability {

    private final DeliveryConfig settings;
    private final Clock clock;
    private final Map<Upstream, Instant> silentUntil = new ConcurrentHashMap<>();

    UpstreamReachability(DeliveryConfig settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void silent(Upstream upstream) {
        silentUntil.put(upstream, clock.instant().plus(settings.upstreamRecheck()));
    }

    void answered(Upstream upstream) {
        silentUntil.remove(upstream);
    }

    boolean isSilent(Upstream upstream) {
        return clock.instant().isBefore(silentUntil.getOrDefault(upstream, Instant.MIN));
    }

    Instant recheckAt(Upstream upstream) {
        return silentUntil.getOrDefault(upstream, clock.instant());
    }
}
