package id.ltsa.relay.submission.ops;

import id.ltsa.relay.http.ApiLimits;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code backlog_sample} table: the backlog once a minute, and the charts' series drawn from it. */
@ApplicationScoped
public class BacklogHistory {

    /** A chart's span and the width of each of its points. */
    public enum Range {
        DAY("24h", Duration.ofHours(24), Duration.ofMinutes(5)),
        FORTNIGHT("14d", Duration.ofDays(14), Duration.ofHours(1));

        final String name;
        final Duration span;
        final Duration bucket;

        Range(String name, Duration span, Duration bucket) {
            this.name = name;
            this.span = span;
            this.bucket = bucket;
        }

        /** "24h" or "14d"; anything else is not a range. */
        public static java.util.Optional<Range> named(String name) {
            for (Range range : values()) {
                if (range.name.equals(name)) {
                    return java.util.Optional.of(range);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * One point of a chart: the most pending and the oldest pending age seen in its bucket (a chart of the worst, so
     * a spike between two samples' averages is not smoothed away), and whether the link was down at any sample.
     */
    public record Point(
            Instant at,

            @Schema(format = "int32", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.INT_MAX)
            int pending,

            @Schema(format = "int32", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.INT_MAX)
            int delayed,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long oldestPendingAgeSeconds,

            boolean linkDown) {}

    public record Series(
            @Schema(
                    enumeration = {"24h", "14d"},
                    maxLength = 3)
            String range,

            @Schema(format = "int64", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.COUNT_MAX)
            long bucketSeconds,

            Instant from,
            Instant to,
            @Schema(maxItems = ApiLimits.LIST_MAX) List<Point> points) {}

    private final AgroalDataSource dataSource;

    BacklogHistory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the backlog for the minute of {@code at}; a second instance sampling the same minute changes nothing. */
    void record(Instant at, Backlog backlog, Duration keep) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO backlog_sample (sampled_at, pending, delayed, oldest_pending_age_seconds, link_up)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (sampled_at) DO NOTHING""");
                PreparedStatement forget =
                        connection.prepareStatement("DELETE FROM backlog_sample WHERE sampled_at < ?")) {
            insert.setTimestamp(1, Timestamp.from(at.truncatedTo(ChronoUnit.MINUTES)));
            insert.setInt(2, (int) backlog.pending());
            insert.setInt(3, (int) backlog.delayed());
            insert.setLong(4, backlog.oldestPendingAgeSeconds());
            insert.setBoolean(5, backlog.linkState() == id.ltsa.relay.contracts.LinkState.UP);
            insert.executeUpdate();
            forget.setTimestamp(1, Timestamp.from(at.minus(keep)));
            forget.executeUpdate();
        }
    }

    /** The chart of {@code range} up to {@code now}, one point per bucket that has samples, oldest first. */
    public Series series(Range range, Instant now) {
        Instant from = now.minus(range.span);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT date_bin(make_interval(secs => ?), sampled_at, timestamptz '2000-01-01 00:00:00+00') AS at,
                               max(pending), max(delayed), max(oldest_pending_age_seconds), bool_or(NOT link_up)
                        FROM backlog_sample WHERE sampled_at > ? AND sampled_at <= ?
                        GROUP BY 1 ORDER BY 1""")) {
            select.setDouble(1, range.bucket.toSeconds());
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(now));
            List<Point> points = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    points.add(new Point(
                            rows.getTimestamp(1).toInstant(),
                            rows.getInt(2),
                            rows.getInt(3),
                            rows.getLong(4),
                            rows.getBoolean(5)));
                }
            }
            return new Series(range.name, range.bucket.toSeconds(), from, now, points);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the backlog history: " + e.getMessage(), e);
        }
    }
}
