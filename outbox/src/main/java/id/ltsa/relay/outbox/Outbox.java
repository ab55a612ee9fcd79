package id.ltsa.relay.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.EventType;
import id.ltsa.relay.contracts.EventTypes;
import id.ltsa.relay.trace.TraceParent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Adds an event to the outbox inside the caller's transaction, so the event exists exactly when the state change it
 * describes does. The relay publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxAppended> appended;

    Outbox(AgroalDataSource dataSource, ObjectMapper json, Clock clock, Event<OutboxAppended> appended) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.appended = appended;
    }

    /**
     * @param key the Kafka record key: the application id, so every event of one application stays in order
     * @param event one of the records of the contracts module
     * @return the event's id, which becomes its CloudEvents {@code ce_id} and stays the same on every re-publication
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String key, Object event) {
        EventType<?> type = EventTypes.of(event);
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, occurred_at, payload,
                            traceparent)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, type.topic());
            insert.setString(3, key);
            insert.setString(4, type.name());
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setString(6, json.writeValueAsString(event));
            insert.setString(7, TraceParent.current());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the outbox: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event does not serialize: " + type.name(), e);
        }
        appended.fire(new OutboxAppended());
        return eventId;
    }
}
