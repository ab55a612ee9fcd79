package id.ltsa.relay.submission.ops;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Samples the backlog once a minute into {@link BacklogHistory}, for the dashboard's 24-hour and 14-day charts. */
@ApplicationScoped
class BacklogSampler {

    private static final Logger LOG = Logger.getLogger(BacklogSampler.class);

    private final BacklogReport report;
    private final BacklogHistory history;
    private final Clock clock;
    private final Duration keep;

    BacklogSampler(
            BacklogReport report,
            BacklogHistory history,
            Clock clock,
            @ConfigProperty(name = "ltsa.ops.backlog-history-keep", defaultValue = "14d") Duration keep) {
        this.report = report;
        this.history = history;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(
            every = "${ltsa.ops.backlog-sample-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try {
            history.record(clock.instant(), report.current(), keep);
        } catch (Exception e) {
            // a minute missing from a chart is no loss; the database being away shows elsewhere
            LOG.debugf("Backlog not sampled: %s", e.getMessage());
        }
    }
}
