package id.ltsa.relay.submission.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ltsa.link")
public interface LinkConfig {

    /** While the link is down, one probe (the oldest pending application, or a HEAD) per this interval in all. */
    @WithDefault("10s")
    Duration probeInterval();

    /** A light probe while nothing is sent, so a dead link is seen before an application meets it. */
    @WithDefault("60s")
    Duration heartbeatInterval();
}
