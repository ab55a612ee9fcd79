package id.ltsa.relay.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ltsa.inbox")
public interface InboxConfig {

    /**
     * How long an applied event's id is remembered. Longer than the office broker keeps records (90 days), so any
     * record a consumer could be given again is still recognised.
     */
    @WithDefault("100d")
    Duration keepProcessed();

    /** How often ids older than that are forgotten (read by the purge's {@code @Scheduled}; declared so it is known). */
    @WithDefault("1h")
    Duration purgeInterval();
}
