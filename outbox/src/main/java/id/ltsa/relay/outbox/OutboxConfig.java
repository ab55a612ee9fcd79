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

    /**
     * How long after its publication an event is looked for in the broker's log ({@link OutboxAudit}): past the time
     * the kernel takes to write a broker's pages to disk (30 s by default), so what is found then survives a power cut.
     */
    @WithDefault("2m")
    Duration auditAfter();

    /** How often the audit looks (read by its {@code @Scheduled}; declared here so the key is known). */
    @WithDefault("1m")
    Duration auditInterval();

    /** How long after start the audit first looks. */
    @WithDefault("30s")
    Duration auditDelay();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();
}
