package id.ltsa.relay.intake.reconcile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ltsa.reconcile")
public interface ReconcileConfig {

    /**
     * An application still RECEIVED this long after its events were published has not been seen by
     * submission-service, which takes it within seconds while it runs: its events are published again.
     */
    @WithDefault("5m")
    Duration receivedAfter();

    /** How often to look. */
    @WithDefault("1m")
    Duration interval();

    /** At most this many applications per look, so a long stall does not turn into one burst. */
    @WithDefault("100")
    int batchSize();
}
