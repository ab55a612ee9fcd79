package id.ltsa.relay.submission.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "ltsa.link")
public interface LinkConfig {

    /** While the link is down, one probe (the oldest pending application, or a HEAD) per this interval in all. */
    @WithDefault("10s")
    Duration probeInterval();

    /** A light probe while nothing is sent, so a dead link is seen before an application meets it. */
    @WithDefault("60s")
    Duration heartbeatInterval();

    /**
     * Other hosts upstream of the office (e.g. the messaging gateway, the ministry's web site), asked when central
     * cannot be reached: if none of them answers either, the office's own uplink is the likely cause (UPLINK_DOWN).
     * Without any, a connection to central that never opens is diagnosed UPLINK_DOWN, the commonest cause at an office.
     */
    Optional<List<URI>> uplinkCheckUrls();

    /** How long each of those gets to answer. */
    @WithDefault("3s")
    Duration uplinkCheckTimeout();

    /**
     * Calls in a row answered 5xx or 429 after which central is treated as down (CENTRAL_ERRORS): then one probe per
     * interval instead of every application retrying on its own, which would only add to central's load.
     */
    @WithDefault("10")
    int errorsBeforeDown();
}
