package id.ltsa.relay.submission.heartbeat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The office's heartbeat for the ministry's fleet watch (see {@link OfficeHeartbeat}). */
@ConfigMapping(prefix = "ltsa.heartbeat")
public interface HeartbeatConfig {

    /** Off only for an office that reports to no ministry; on, it costs one 40-byte record per interval. */
    @WithDefault("true")
    boolean enabled();

    /** How often a heartbeat is written: the ministry can place a silence only to within this. */
    @WithDefault("10s")
    Duration interval();

    /**
     * This office's code, written into each heartbeat as its source. The ministry knows an office by the source alias
     * its MirrorMaker 2 reads it under, not by this, so it is there for people reading the topic.
     */
    Optional<String> officeCode();
}
