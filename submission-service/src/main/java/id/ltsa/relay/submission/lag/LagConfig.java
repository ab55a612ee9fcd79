package id.ltsa.relay.submission.lag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often consumer offsets are sampled, and how many samples Burrow-style evaluation looks back over. */
@ConfigMapping(prefix = "ltsa.lag")
public interface LagConfig {

    @WithDefault("10s")
    Duration interval();

    /** Samples in the sliding window: with the default interval, the last 100 seconds. */
    @WithDefault("10")
    int window();
}
