package id.ltsa.relay.intake.reconcile;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Heals an application whose events never reached submission-service, whatever the cause: a power cut that took the
 * broker's unflushed pages after it had acknowledged them, a topic restored from an old backup, a bug. Such an
 * application stays RECEIVED, which submission-service would have changed within seconds. Once it has been RECEIVED
 * for {@code ltsa.reconcile.received-after}, its events are published again from the outbox under their own ids;
 * submission-service deduplicates by {@code ce_id}, and when it did have them it publishes its status again, which
 * heals a status event that the read model or notification-service never saw.
 *
 * <p>Only while the outbox is empty: events still waiting mean the broker is away or behind, and they will go anyway.
 */
@ApplicationScoped
class UnseenApplications {

    private static final Logger LOG = Logger.getLogger(UnseenApplications.class);

    private final Outbox outbox;
    private final ReconcileConfig settings;
    private final Clock clock;

    UnseenApplications(Outbox outbox, ReconcileConfig settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ltsa.reconcile.interval:1m}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void reconcile() {
        if (outbox.waiting() != 0) {
            return;
        }
        Instant before = clock.instant().minus(settings.receivedAfter());
        List<Application> stuck = Application.<Application>find(
                        "status = ?1 and updatedAt < ?2 order by updatedAt", ApplicationStatus.RECEIVED, before)
                .page(0, settings.batchSize())
                .list();
        int republished = 0;
        for (Application application : stuck) {
            // each at most once per received-after: the outbox counts from when it last published the events
            if (outbox.republish(application.id.toString(), settings.receivedAfter()) > 0) {
                republished++;
                LOG.warnf(
                        "Application %s is still RECEIVED %s after it was published: published again",
                        application.id, settings.receivedAfter());
            }
        }
        if (republished > 0) {
            LOG.infof("Published %d unseen applications again", republished);
        }
    }
}
