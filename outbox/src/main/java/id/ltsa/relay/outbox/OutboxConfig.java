package id.ltsa.relay.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ltsa.outbox")
public interface OutboxConfig {

    /** CloudEvents source of this service's events, e.g. /ltsa/intake-service. */
    String source();

    /** Rows published per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch before leaving it for a later attempt. */
    @WithDefault("20s")
    Duration publishTimeout();

    /**
     * How long a published event is kept to be published again (by {@link Outbox#republish}) when its consumers turn
     * out never to have seen it.
     */
    @WithDefault("7d")
    Duration keepPublished();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();
}
