package id.ltsa.relay.submission.ops;

import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.LinkStatus;
import id.ltsa.relay.submission.queue.SubmissionTotals;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counts the backlog straight from the submission table (its totals): the truth, not a counter that could drift. */
@ApplicationScoped
public class BacklogReport {

    @ConfigMapping(prefix = "ltsa.escalation")
    public interface Config {

        /** Pending longer than this is escalated to ops (counted in the backlog); retrying goes on regardless. */
        @WithDefault("7d")
        Duration after();
    }

    private final SubmissionTotals totals;
    private final CentralLink link;
    private final Config config;
    private final Clock clock;

    BacklogReport(SubmissionTotals totals, CentralLink link, Config config, Clock clock) {
        this.totals = totals;
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
        for (SubmissionTotals.PendingAtOffice office : totals.pendingByOffice(now.minus(config.after()))) {
            offices.add(new Backlog.OfficeBacklog(
                    office.officeCode(), office.pending(), age(office.oldestQueuedAt(), now)));
            pending += office.pending();
            delayed += office.delayed();
            escalated += office.escalated();
            oldest = oldest == null || office.oldestQueuedAt().isBefore(oldest) ? office.oldestQueuedAt() : oldest;
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
