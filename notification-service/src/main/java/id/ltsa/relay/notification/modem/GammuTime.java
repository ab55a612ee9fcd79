package id.ltsa.relay.notification.modem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;

/**
 * gammu's tables keep zoneless timestamps written by a session that runs in UTC (the smsd role's time zone): queries
 * read them {@code AT TIME ZONE 'UTC'}, which PostgreSQL answers as a timestamp with time zone; this turns what the
 * driver hands back for it into an Instant.
 */
public final class GammuTime {

    private GammuTime() {
    }

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
