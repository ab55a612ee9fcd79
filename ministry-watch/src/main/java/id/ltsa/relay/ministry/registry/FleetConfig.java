package id.ltsa.relay.ministry.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fleet of offices the ministry watches, and when one counts as silent or escalated. */
@ConfigMapping(prefix = "ltsa.fleet")
public interface FleetConfig {

    /** An office from which nothing has arrived for this long is SILENT: likely cut off. */
    @WithDefault("15m")
    Duration silentAfter();

    /** SILENT or LINK_DOWN for this long emails the ministry's duty contacts. */
    @WithDefault("4h")
    Duration escalateAfter();

    /** How often the states are worked out again. */
    @WithDefault("10s")
    Duration checkInterval();

    /** Who at the ministry is emailed about an office that stays silent or cut off from central. */
    Optional<List<String>> dutyContacts();

    /** Times in emails and on the page are written in this zone. */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /**
     * This instance's name among the ministry's watchers (the host name by default): its consumers' static group
     * membership, so a restart takes their partitions back at once. Two instances need two names.
     */
    String instance();

    /** The registry of expected offices, by office code (their MirrorMaker 2 source alias). */
    Map<String, Office> offices();

    interface Office {

        String name();

        /** Who runs the office, for the ministry's page and emails. */
        Optional<String> contacts();
    }
}
