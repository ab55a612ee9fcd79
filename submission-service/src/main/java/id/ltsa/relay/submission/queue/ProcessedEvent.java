package id.ltsa.relay.submission.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A CloudEvents id already applied. Written in the same transaction as the change the event caused. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "processed_at")
    public Instant processedAt;

    /**
     * Records the id in one statement; false when it was recorded before. (Find-then-persist took two, and a SELECT
     * of the row besides: {@code ON CONFLICT DO NOTHING} is also safe when two consumers race for one id.) In the
     * caller's transaction, so a failed application of the event forgets it again.
     */
    static boolean firstTime(String eventId, Instant at) {
        return getEntityManager().createNativeQuery(
                        "INSERT INTO processed_event (event_id, processed_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId).setParameter(2, at).executeUpdate() == 1;
    }
}
