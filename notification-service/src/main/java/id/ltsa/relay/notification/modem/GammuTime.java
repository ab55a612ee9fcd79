package id.ltsa.relay.notification.modem;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * gammu's tables keep zoneless timestamps. gammu writes some from its database session (the smsd role's time zone,
 * UTC) and some from its own process clock (the time an SMS arrived), so the daemon runs with {@code TZ=UTC} as well,
 * and this service writes the ones it sets in UTC explicitly. Queries read them {@code AT TIME ZONE 'UTC'}, which
 * PostgreSQL answers as a timestamp with time zone; this turns what the driver hands back for it into an Instant.
 */
public final class GammuTime {

    private GammuTime() {}

    public static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
