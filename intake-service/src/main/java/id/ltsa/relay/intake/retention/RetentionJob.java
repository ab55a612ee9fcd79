package id.ltsa.relay.intake.retention;

import id.ltsa.relay.intake.application.PersonalDataErasure;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Erases the personal data of applications final for longer than the retention, every hour, a batch at a time. */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final PersonalDataErasure erasure;
    private final RetentionConfig config;
    private final Clock clock;

    RetentionJob(PersonalDataErasure erasure, RetentionConfig config, Clock clock) {
        this.erasure = erasure;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ltsa.retention.interval:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            eraseExpired();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Retention not applied this time (%s); the next run tries again",
                    e.getClass().getSimpleName());
        }
    }

    /** @return how many applications' personal data was erased */
    public int eraseExpired() {
        Instant finalBefore = clock.instant().minus(config.afterFinal());
        int erased = 0;
        int last;
        do {
            last = erasure.expired(finalBefore, config.batch());
            erased += last;
        } while (last == config.batch());
        if (erased > 0) {
            LOG.infof("Retention: personal data of %d final applications erased", erased);
        }
        return erased;
    }
}
