package id.ltsa.relay.localstack.mirror;

import java.util.Map;
import java.util.Properties;

/**
 * The ministry's MirrorMaker 2 configuration, for dedicated mode ({@code connect-mirror}'s
 * {@code MirrorMaker --clusters ministry}: the process runs only the flows into the ministry, so it never needs a
 * cluster across an uplink to start). One flow {@code OFFICE->ministry} per office, one source alias per office code.
 * It replicates only {@link #REPLICATED_TOPICS} and the office's {@code heartbeats} (written at the office by
 * submission-service, in MirrorMaker's record format: ADR 0005); never {@code ltsa.applications}, which holds personal
 * data. Exactly-once: the records and the source offsets (kept in the ministry's {@code mm2-offsets.OFFICE.internal})
 * commit in one transaction, so a kill -9 doubles nothing, and after an outage of weeks replication resumes at the
 * stored offset (the office keeps its topics 90 days).
 *
 * <p>The alias {@code ltsa} is never used: aliases prefix topic names, and {@code ltsa.applications} must stay the
 * office's own.
 */
public final class MirrorConfigs {

    public static final String MINISTRY = "ministry";
    /** Regular expressions, matched against whole topic names. */
    public static final String REPLICATED_TOPICS = "ltsa\\.application-status, ltsa\\.central-link";
    /** Matches no topic: a flow that must replicate nothing. */
    private static final String NO_TOPIC = "^$";

    private MirrorConfigs() {}

    /**
     * @param offices office code to that office's bootstrap servers as the ministry reaches them (through its uplink)
     * @param officeLogin how MirrorMaker 2 logs in to an office broker (security.protocol, sasl.*): only the topics
     *     it replicates are open to it there
     * @param restListener the internal REST listener exactly-once needs in dedicated mode, e.g. http://host:port
     */
    public static Properties ministry(
            String ministryBootstrap,
            Map<String, String> offices,
            Map<String, Object> officeLogin,
            String restListener,
            int heartbeatSeconds) {
        Properties config = common(MINISTRY);
        config.setProperty("clusters", MINISTRY + ", " + String.join(", ", offices.keySet()));
        config.setProperty(MINISTRY + ".bootstrap.servers", ministryBootstrap);
        offices.forEach((office, bootstrap) -> {
            requireOfficeCode(office);
            config.setProperty(office + ".bootstrap.servers", bootstrap);
            officeLogin.forEach((name, value) -> config.setProperty(office + "." + name, value.toString()));
            String flow = office + "->" + MINISTRY;
            config.setProperty(flow + ".enabled", "true");
            config.setProperty(flow + ".topics", REPLICATED_TOPICS);
            // the consumer reads only what the office's producers committed
            config.setProperty(office + ".consumer.isolation.level", "read_committed");
            // an empty fetch waits at the office up to 5 s (new records are answered at once): across the office's
            // uplink that is a tenth of the idle requests of the default 0.5 s
            config.setProperty(office + ".consumer.fetch.max.wait.ms", "5000");
            // a new topic at an office (its first status event) is picked up within this
            config.setProperty(flow + ".refresh.topics.interval.seconds", Integer.toString(heartbeatSeconds));
        });
        // records and source offsets in one transaction on the ministry's cluster (KIP-618, dedicated mode: KIP-710)
        config.setProperty(MINISTRY + ".exactly.once.source.support", "enabled");
        // A worker killed mid-transaction (kill -9, a power cut) leaves its task's transaction open, and its successor
        // replicated nothing until the broker aborted it: a minute, Kafka's default (FleetIT: 67-74 s from the kill to
        // replicating again; 13-16 s with this). A transaction here is one poll's records and their offsets, written at
        // the ministry's own broker: milliseconds, seconds if that broker stalls. One that outlives this is aborted and
        // its task fails, so not much lower.
        config.setProperty(MINISTRY + ".producer.transaction.timeout.ms", "15000");
        config.setProperty("dedicated.mode.enable.internal.rest", "true");
        config.setProperty("listeners", restListener);
        // the ministry reads every office's heartbeats (submission-service writes them at the office, in MirrorMaker's
        // own record format: ADR 0005); the ministry's own are of no use to anyone
        config.setProperty("emit.heartbeats.enabled", "false");
        return config;
    }

    /** Single-broker clusters, no consumer groups to translate, no ACLs or topic configs to copy. */
    private static Properties common(String target) {
        Properties config = new Properties();
        // Connect's default (hybrid_warn) scans every class of the classpath for plugins at start: seconds of CPU and
        // more heap than the rest of the process needs. Kafka's own connectors and converters declare themselves in
        // META-INF/services, which is all this process uses. MirrorMaker reads it twice: at the top level (for its
        // own config providers) and per target cluster (for that cluster's worker).
        config.setProperty("plugin.discovery", "service_load");
        config.setProperty(target + ".plugin.discovery", "service_load");
        // Each flow's worker is alone in its group. After a kill -9 the new worker would otherwise wait up to 5 min
        // for the dead one to come back before it takes over its tasks; there is no one else to wait for.
        config.setProperty(target + ".scheduled.rebalance.max.delay.ms", "0");
        config.setProperty("replication.factor", "1");
        config.setProperty("heartbeats.topic.replication.factor", "1");
        config.setProperty("checkpoints.topic.replication.factor", "1");
        config.setProperty("offset-syncs.topic.replication.factor", "1");
        config.setProperty("offset.storage.replication.factor", "1");
        config.setProperty("config.storage.replication.factor", "1");
        config.setProperty("status.storage.replication.factor", "1");
        // Offset syncs and checkpoints stay on, as Kafka 4's checkpoint connector requires (every flow
        // runs one; with either off it refuses its configuration). With no groups to translate they cost a small topic
        // at the target, which is where they go: the source may be an office behind a cut uplink.
        config.setProperty("offset-syncs.topic.location", "target");
        config.setProperty("sync.group.offsets.enabled", "false");
        config.setProperty("sync.topic.acls.enabled", "false");
        config.setProperty("sync.topic.configs.enabled", "false");
        config.setProperty("groups", NO_TOPIC);
        return config;
    }

    /** Office codes are the source aliases, and so the prefix of every replicated topic: four digits, nothing else. */
    static void requireOfficeCode(String office) {
        if (!office.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("office code must be four digits: " + office);
        }
    }
}
