package id.ltsa.relay.intake.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ltsa.idempotency")
public interface IdempotencyConfig {

    /** How long a completed key answers replays; the contract promises at least 30 days. */
    @WithDefault("30d")
    Duration retention();

    /** A key left IN_FLIGHT longer than this belongs to a request that died with its process: it may be taken over. */
    @WithDefault("60s")
    Duration inFlightTimeout();
}
