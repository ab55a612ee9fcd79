package id.ltsa.relay.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Forgets published events once they are older than {@code ltsa.outbox.keep-published}. */
@ApplicationScoped
class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    private final OutboxStore store;
    private final OutboxConfig config;

    OutboxPurge(OutboxStore store, OutboxConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(
            every = "${ltsa.outbox.purge-interval:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int forgotten = store.purge(config.keepPublished());
        if (forgotten > 0) {
            LOG.debugf("Forgot %d published events older than %s", forgotten, config.keepPublished());
        }
    }
}
