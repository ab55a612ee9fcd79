package id.ltsa.relay.submission.central;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ltsa.forwarding")
public interface ForwardingConfig {

    /** Submissions claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** First retry bound; doubles per attempt up to {@link #backoffCap()}. */
    @WithDefault("1s")
    Duration backoffBase();

    @WithDefault("5m")
    Duration backoffCap();

    /**
     * How long a claimed submission is reserved for the worker that claimed it: over twice the longest call (3 s
     * connect + 10 s read timeout), so another instance only takes it over when the first one died mid-call.
     */
    @WithDefault("30s")
    Duration claimLease();

    /**
     * Sends per second at most, so a drained backlog does not flood the central API. Per instance: an office runs one
     * submission-service, and a second one (a standby, or two during a restart) may send as much again. The central
     * API's 429 with Retry-After, which the forwarder honours, is the limit across instances and offices.
     */
    @WithDefault("20")
    double maxRate();

    /** Calls in flight at once; with the central API's latency this is what lets the rate be reached. */
    @WithDefault("4")
    int parallelism();
}
