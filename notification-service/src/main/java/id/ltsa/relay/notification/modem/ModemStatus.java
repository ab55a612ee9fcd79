package id.ltsa.relay.notification.modem;

import java.time.Instant;

/**
 * The office modem as gammu last reported it. {@code present} is false where there is no modem (switched off in
 * configuration, or gammu's tables are missing); {@code up} is whether gammu refreshed its status recently enough.
 */
public record ModemStatus(boolean present, boolean up, Integer signalPercent, Integer batteryPercent,
        Instant lastContactAt, Long lastContactAgeSeconds, String network, long sent, long received, long queued) {

    static final ModemStatus ABSENT = new ModemStatus(false, false, null, null, null, null, null, 0, 0, 0);
}
