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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adds an event to the outbox inside the caller's transaction, or in the very statement that makes the change
 * ({@link #appendIf}), so the event exists exactly when the state change it describes does. The relay publishes it
 * after commit.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxAppended> appended;
    private final OutboxStore store;
    private final OutboxRelay relay;

    Outbox(
            AgroalDataSource dataSource,
            ObjectMapper json,
            Clock clock,
            Event<OutboxAppended> appended,
            OutboxStore store,
            OutboxRelay relay) {
        this.dataSource = dataSource;
        this.store = store;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.appended = appended;
    }

    /**
     * Adds events describing one change, in their order. All their rows go in one batched INSERT: one round trip
     * (a single multi-row statement with the services' {@code reWriteBatchedInserts}), however many events and topics.
     * Each row's id becomes its CloudEvents {@code ce_id} and stays the same on every re-publication; a copy of an
     * event on another of its topics ({@link EventType#alsoOn}) has an id of its own.
     *
     * @param key the Kafka record key: the application id, so every event of one application stays in order
     * @param events records of the contracts module
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String key, Object... events) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, occurred_at, payload,
                            traceparent)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (EventRow row : rows(key, events)) {
                row.set(insert, 1);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the outbox: " + e.getMessage(), e);
        }
        appended.fire(new OutboxAppended());
    }

    /** Sets a statement's parameters from a given position on: those of the change {@link #appendIf} makes. */
    @FunctionalInterface
    public interface Parameters {
        void set(PreparedStatement statement, int first) throws SQLException;
    }

    /**
     * Makes a change and adds the events describing it in one statement, the events only if the change touched a row:
     * for a change that decides by itself whether it happens (an insert of a row that may be there already, an update
     * under a condition), whose events were otherwise a second statement after it (the performance issue). In the
     * caller's transaction if there is one; outside any, the statement commits on its own, one round trip in all.
     *
     * @param change a data-modifying statement with a RETURNING clause (its rows are only counted), its parameters
     *     written as {@code ?} and set by {@code parameters}
     * @param key the Kafka record key, as for {@link #append}
     * @param events records of the contracts module, as for {@link #append}: at least one
     * @return whether the change touched a row, so the events were added
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean appendIf(String change, Parameters parameters, String key, Object... events) {
        if (events.length == 0) {
            throw new IllegalArgumentException("a change without events is not the outbox's to make");
        }
        List<EventRow> rows = rows(key, events);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            // typed: VALUES takes its columns' types from the first row, and an untyped parameter would be text
            values.append(i == 0 ? "" : ", ")
                    .append("(?::uuid, ?, ?, ?, ?::timestamptz, ?, ?, ")
                    .append(i)
                    .append(')');
        }
        String sql = "WITH event (event_id, topic, message_key, event_type, occurred_at, payload, traceparent, ordinal)"
                + " AS (VALUES " + values + "), change AS (" + change + ")"
                + " INSERT INTO outbox_event (event_id, topic, message_key, event_type, occurred_at, payload,"
                + " traceparent) SELECT event_id, topic, message_key, event_type, occurred_at, payload, traceparent"
                + " FROM event WHERE EXISTS (SELECT 1 FROM change) ORDER BY ordinal";
        int added;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = 1;
            for (EventRow row : rows) {
                next = row.set(statement, next);
            }
            parameters.set(statement, next);
            added = statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the outbox: " + e.getMessage(), e);
        }
        if (added == 0) {
            return false;
        }
        // outside a transaction the relay's observer (after success) is told at once: the statement has committed
        appended.fire(new OutboxAppended());
        return true;
    }

    /** The rows describing one change: one per event and topic, in the events' order. */
    private List<EventRow> rows(String key, Object... events) {
        Timestamp now = Timestamp.from(clock.instant());
        String traceparent = TraceParent.current();
        List<EventRow> rows = new ArrayList<>(events.length);
        for (Object event : events) {
            EventType<?> type = EventTypes.of(event);
            String payload = payload(type, event);
            for (String topic : type.topics()) {
                rows.add(new EventRow(UUID.randomUUID(), topic, key, type.name(), now, payload, traceparent));
            }
        }
        return rows;
    }

    private record EventRow(
            UUID id, String topic, String key, String type, Timestamp occurredAt, String payload, String traceparent) {

        /** Sets this row's seven parameters from {@code first} on; returns the position after them. */
        int set(PreparedStatement statement, int first) throws SQLException {
            statement.setObject(first, id);
            statement.setString(first + 1, topic);
            statement.setString(first + 2, key);
            statement.setString(first + 3, type);
            statement.setTimestamp(first + 4, occurredAt);
            statement.setString(first + 5, payload);
            statement.setString(first + 6, traceparent);
            return first + 7;
        }
    }

    private String payload(EventType<?> type, Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event does not serialize: " + type.name(), e);
        }
    }

    /**
     * Publishes again, in their order and under their own ids (so their {@code ce_id}s), the events of {@code key}
     * still kept after publication ({@code ltsa.outbox.keep-published}): for when their effect was never seen
     * downstream, whatever the cause. Consumers deduplicate by {@code ce_id}, so what did arrive changes nothing.
     * Nothing happens while the key has events still waiting to be published, or if its newest event was published
     * less than {@code quiet} ago (a reconciler asking every minute does not republish every minute).
     *
     * @return how many events were queued again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int republish(String key, Duration quiet) {
        try (Connection connection = dataSource.getConnection()) {
            int queued = store.republish(connection, key, quiet);
            if (queued > 0) {
                appended.fire(new OutboxAppended());
            }
            return queued;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot republish from the outbox: " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the published events of {@code key} kept for republication: for when they must not be sent again
     * (their personal data was erased). Events still waiting for the broker are published as before, in their place,
     * but not kept afterwards. In the caller's transaction.
     *
     * @return how many were forgotten
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String key) {
        try (Connection connection = dataSource.getConnection()) {
            return store.forget(connection, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget published events: " + e.getMessage(), e);
        }
    }

    /** Events waiting for the broker: none means the broker has acknowledged everything so far. */
    public long waiting() {
        return relay.waiting();
    }
}
