package id.ltsa.relay.submission.ops;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The backlog as Prometheus gauges. Read from the database at most once per few seconds however often it is scraped,
 * so a busy Prometheus cannot load the database.
 */
@ApplicationScoped
class SubmissionMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final BacklogReport report;
    private final Clock clock;
    private volatile Backlog last;
    private MultiGauge offices;
    private MultiGauge officeAges;
    private volatile Instant readAt = Instant.MIN;

    SubmissionMetrics(BacklogReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("ltsa.submission.pending", this, m -> m.backlog().pending())
                .description("Applications not yet handed to the central API")
                .register(registry);
        Gauge.builder("ltsa.submission.delayed", this, m -> m.backlog().delayed())
                .description("Applications waiting out an outage")
                .register(registry);
        Gauge.builder("ltsa.submission.escalated", this, m -> m.backlog().escalated())
                .description("Applications pending longer than the escalation age")
                .register(registry);
        Gauge.builder("ltsa.submission.oldest.pending.age", this, m -> m.backlog()
                        .oldestPendingAgeSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest pending application")
                .register(registry);
        Gauge.builder("ltsa.central.link.up", this, m -> m.backlog().linkState() == LinkState.UP ? 1 : 0)
                .description("1 while the central API answers, 0 while the link is down")
                .register(registry);
        for (LinkDiagnosis diagnosis : LinkDiagnosis.values()) {
            Gauge.builder("ltsa.central.link.diagnosis", this, m -> m.backlog().diagnosis() == diagnosis ? 1 : 0)
                    .tag("diagnosis", diagnosis.name())
                    .description(
                            "1 for the likely cause while the link is down (UPLINK_DOWN: the office's own internet)")
                    .register(registry);
        }
        offices = MultiGauge.builder("ltsa.office.pending")
                .description("Applications of one office not yet handed to the central API")
                .register(registry);
        officeAges = MultiGauge.builder("ltsa.office.oldest.pending.age")
                .baseUnit("seconds")
                .description("Age of one office's oldest pending application")
                .register(registry);
        Gauge.builder("ltsa.forwarding.paused", this, m -> m.backlog().paused() ? 1 : 0)
                .description("1 while ops paused forwarding")
                .register(registry);
    }

    private Backlog backlog() {
        Instant now = clock.instant();
        if (last == null || readAt.plus(FRESH_FOR).isBefore(now)) {
            last = report.current();
            readAt = now;
        }
        return last;
    }

    /** Offices come and go from the backlog, so their series are rewritten rather than registered once. */
    @Scheduled(every = "${ltsa.metrics.office-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshOffices() {
        if (offices == null) {
            return;
        }
        List<Backlog.OfficeBacklog> byOffice = backlog().byOffice();
        offices.register(
                byOffice.stream()
                        .map(office -> MultiGauge.Row.of(Tags.of("office", office.officeCode()), office.pending()))
                        .collect(Collectors.toList()),
                true);
        officeAges.register(
                byOffice.stream()
                        .map(office -> MultiGauge.Row.of(
                                Tags.of("office", office.officeCode()), office.oldestPendingAgeSeconds()))
                        .collect(Collectors.toList()),
                true);
    }
}
