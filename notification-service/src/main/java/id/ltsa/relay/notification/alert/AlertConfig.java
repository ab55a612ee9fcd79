package id.ltsa.relay.notification.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who hears about a dead link to the central API, and when. */
@ConfigMapping(prefix = "ltsa.alerts")
public interface AlertConfig {

    /** How long the link may be down before people are emailed: long enough to ignore a blip, short enough to act. */
    @WithDefault("30m")
    Duration linkDownThreshold();

    /** Ops teams (district, province, ministry) told of every outage. */
    Optional<List<String>> opsContacts();

    /** Office code to the address of the people running that office, told too. */
    Map<String, String> officeContacts();

    /**
     * Phone numbers told by SMS through the office modem, which needs no internet: the office head, the district
     * Disnaker, the ministry's duty phone. Without them a cut-off office can tell nobody.
     */
    Optional<List<String>> smsContacts();

    /** The office this relay serves, named in alert SMS; unset, the SMS names the offices with applications waiting. */
    Optional<String> officeCode();

    /** Times in alert emails are written in this zone. */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /** How often to look for an outage past the threshold and for alert emails to send. */
    @WithDefault("15s")
    Duration checkInterval();

    @WithDefault("10")
    int maxAttempts();
}
