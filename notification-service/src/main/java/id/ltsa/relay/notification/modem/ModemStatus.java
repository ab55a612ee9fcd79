package id.ltsa.relay.notification.modem;

import id.ltsa.relay.http.ApiLimits;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The office modem as gammu last reported it. {@code present} is false where there is no modem (switched off in
 * configuration, or gammu's tables are missing); {@code up} is whether gammu refreshed its status recently enough.
 */
public record ModemStatus(
        boolean present,
        boolean up,

        @Schema(nullable = true, format = "int32", minimum = "0", maximum = "100")
        Integer signalPercent,

        @Schema(nullable = true, format = "int32", minimum = "0", maximum = "100")
        Integer batteryPercent,

        @Schema(nullable = true, format = "date-time", maxLength = 35)
        Instant lastContactAt,

        @Schema(nullable = true, format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        Long lastContactAgeSeconds,

        @Schema(nullable = true, maxLength = ApiLimits.NAME_MAX)
        String network,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long sent,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long received,

        @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
        long queued) {

    static final ModemStatus ABSENT = new ModemStatus(false, false, null, null, null, null, null, 0, 0, 0);
}
