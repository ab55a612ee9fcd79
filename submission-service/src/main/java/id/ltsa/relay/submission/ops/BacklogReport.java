package id.ltsa.relay.submission.ops;

import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.LinkStatus;
import io.agroal.api.AgroalDataSource;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counts the backlog straight from the submission table: the truth, not a counter that could drift. */
@ApplicationScoped
public class BacklogReport {

    @ConfigMapping(prefix = "ltsa.escalation")
    public interface Config {

        /** Pending longer than this is escalated to ops (counted in the backlog); retrying goes on regardless. */
        @WithDefault("7d")
        Duration after();
    }

    private final AgroalDataSource dataSource;
    private final CentralLink link;
    private final Config config;
    private final Clock clock;

    BacklogReport(AgroalDataSource dataSource, CentralLink link, Config config, Clock clock) {
        this.dataSource = dataSource;
        this.link = link;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Backlog current() {
        Instant now = clock.instant();
        List<Backlog.OfficeBacklog> offices = new ArrayList<>();
        long pending = 0;
        long delayed = 0;
        long escalated = 0;
        Instant oldest = null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT office_code, count(*), min(queued_at),
                               count(*) FILTER (WHERE status = 'DELAYED'), count(*) FILTER (WHERE queued_at < ?)
                        FROM submission WHERE status IN ('RECEIVED', 'QUEUED', 'DELAYED')
                        GROUP BY office_code ORDER BY office_code""")) {
            query.setTimestamp(1, Timestamp.from(now.minus(config.after())));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant officeOldest = rows.getTimestamp(3).toInstant();
                    offices.add(new Backlog.OfficeBacklog(
                            rows.getString(1).trim(), rows.getLong(2), age(officeOldest, now)));
                    pending += rows.getLong(2);
                    delayed += rows.getLong(4);
                    escalated += rows.getLong(5);
                    oldest = oldest == null || officeOldest.isBefore(oldest) ? officeOldest : oldest;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        LinkStatus status = link.current();
        return new Backlog(
                pending,
                delayed,
                escalated,
                oldest == null ? 0 : age(oldest, now),
                status.state(),
                status.since(),
                status.diagnosis(),
                status.paused(),
                offices);
    }

    private static long age(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }
}
