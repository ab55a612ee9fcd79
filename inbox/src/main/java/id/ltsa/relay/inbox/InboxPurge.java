package id.ltsa.relay.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/** Forgets the ids of events applied longer ago than {@code ltsa.inbox.keep-processed}, so the table stays small. */
@ApplicationScoped
class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);

    private final ProcessedEvents processed;
    private final InboxConfig config;

    InboxPurge(ProcessedEvents processed, InboxConfig config) {
        this.processed = processed;
        this.config = config;
    }

    @Scheduled(
            every = "${ltsa.inbox.purge-interval:1h}",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() throws SQLException {
        int forgotten = processed.forgetOlderThan(config.keepProcessed());
        if (forgotten > 0) {
            LOG.debugf("Forgot %d applied event ids older than %s", forgotten, config.keepProcessed());
        }
    }
}
