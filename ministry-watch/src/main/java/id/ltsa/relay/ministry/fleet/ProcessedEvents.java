package id.ltsa.relay.ministry.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The one writer of processed_event: the CloudEvents ids already counted, so a replay counts nothing twice. */
@ApplicationScoped
class ProcessedEvents {

    private final EntityManager entityManager;
    private final Clock clock;

    ProcessedEvents(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** True the first time an id is seen; call inside the transaction that applies the event. */
    boolean firstTime(String eventId) {
        return entityManager
                        .createNativeQuery(
                                "INSERT INTO processed_event (event_id, processed_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, eventId)
                        .setParameter(2, clock.instant())
                        .executeUpdate()
                == 1;
    }
}
