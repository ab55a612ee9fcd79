package id.ltsa.relay.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.EventType;
import id.ltsa.relay.contracts.EventTypes;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A Kafka record read as a CloudEvent in binary mode (ADR 0002): the attributes in {@code ce_*} headers, the data as
 * JSON in the value. Only a type published on the record's topic is accepted: a status change found on
 * {@code ltsa.applications} is as unreadable as garbage.
 *
 * @param id the CloudEvents id, what a replay is recognised by
 * @param type the event's type
 * @param data the event itself, one of the contracts' records
 */
public record CloudEventRecord(String id, EventType<?> type, Object data) {

    /** Reads {@code record}, or throws {@link UnreadableEventException} saying what is wrong with it. */
    public static CloudEventRecord read(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = header(record, "ce_id");
        if (id == null) {
            throw new UnreadableEventException("record without ce_id");
        }
        String typeName = header(record, "ce_type");
        if (typeName == null) {
            throw new UnreadableEventException("record without ce_type");
        }
        EventType<?> type = EventTypes.byName(typeName)
                .filter(known -> known.topics().contains(record.topic()))
                .orElseThrow(() -> new UnreadableEventException(
                        "event type " + typeName + " is not published on " + record.topic()));
        if (record.value() == null) {
            throw new UnreadableEventException(type.name() + " without data");
        }
        try {
            return new CloudEventRecord(id, type, json.readValue(record.value(), type.dataClass()));
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the payload, which holds personal data: say where, not what
            throw new UnreadableEventException("not a valid " + type.name() + " at line "
                    + (e.getLocation() == null
                            ? "?"
                            : e.getLocation().getLineNr() + " column "
                                    + e.getLocation().getColumnNr()));
        }
    }

    /** A header's value as text, or null when the record has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
