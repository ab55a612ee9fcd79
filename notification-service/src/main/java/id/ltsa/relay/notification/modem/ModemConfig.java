package id.ltsa.relay.notification.modem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The office's GSM modem, driven through Gammu SMSD's tables in the {@code gammu} schema of this database. */
@ConfigMapping(prefix = "ltsa.modem")
public interface ModemConfig {

    /** Off where an office has no modem: then nothing reads or writes gammu's tables. */
    @WithDefault("true")
    boolean enabled();

    /** The modem counts as gone when gammu has not refreshed its status (phones table) for this long. */
    @WithDefault("3m")
    Duration goneAfter();

    /**
     * How long a message handed to the modem may wait in gammu's outbox before it is taken back (only if gammu has not
     * started sending it) and routed again: a daemon that died must not hold an applicant's messages for ever.
     */
    @WithDefault("10m")
    Duration patience();

    /** How often to look for messages the modem has sent, and for SMS that arrived. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Answers to status queries (CEK / STATUS) per phone number per hour, at most. */
    @WithDefault("5")
    int answersPerHour();

    /** How this service signs its rows in gammu's outbox (CreatorID), to tell them from anyone else's. */
    @WithDefault("ltsa-relay")
    String creatorId();
}
