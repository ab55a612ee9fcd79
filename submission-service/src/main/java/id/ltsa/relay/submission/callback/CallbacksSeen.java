package id.ltsa.relay.submission.callback;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** The {@code callback_seen} table: ids of central callbacks already taken, for as long as a replay could pass. */
@ApplicationScoped
class CallbacksSeen {

    private final EntityManager entityManager;
    private final CallbackSignature signature;
    private final Clock clock;

    CallbacksSeen(EntityManager entityManager, CallbackSignature signature, Clock clock) {
        this.entityManager = entityManager;
        this.signature = signature;
        this.clock = clock;
    }

    /**
     * Records the id in the caller's transaction (so a decision that fails to apply forgets it again, and central's
     * retry of it is taken); false when it was taken before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean firstTime(String callbackId) {
        return entityManager
                        .createNativeQuery(
                                "INSERT INTO callback_seen (callback_id, seen_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, callbackId)
                        .setParameter(2, clock.instant())
                        .executeUpdate()
                == 1;
    }

    /** Forgets ids older than twice the tolerance: a callback that old is refused by its timestamp anyway. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOld() {
        Instant before = clock.instant().minus(signature.tolerance().multipliedBy(2));
        entityManager
                .createNativeQuery("DELETE FROM callback_seen WHERE seen_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
