package id.ltsa.relay.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.contracts.EventTypes;
import id.ltsa.relay.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the inbox accepts as an event, and what it sets aside as unreadable (and says why, without the content). */
class CloudEventRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String STATUS = """
            {"applicationId":"0b6f7a52-3c1e-4a8e-9d8f-2f6c1b7e9a10","trackingCode":"LTSA-5203-7K3M9Q",
             "officeCode":"5203","status":"SUBMITTED","revision":1,"occurredAt":"2026-11-27T03:15:00Z"}""";
    private static final String WITHDRAWN = """
            {"applicationId":"0b6f7a52-3c1e-4a8e-9d8f-2f6c1b7e9a10","officeCode":"5203","revision":2,
             "reason":"applicant asked","occurredAt":"2026-11-27T03:15:00Z"}""";

    @Test
    void an_event_of_a_type_published_on_the_topic_is_read_with_its_id() {
        CloudEventRecord event = CloudEventRecord.read(
                record(Topics.APPLICATION_STATUS, "e-1", EventTypes.STATUS_CHANGED.name(), STATUS), JSON);
        assertEquals("e-1", event.id());
        assertEquals(EventTypes.STATUS_CHANGED, event.type());
        assertInstanceOf(ApplicationStatusChanged.class, event.data());
    }

    @Test
    void an_event_is_read_on_each_topic_it_is_also_published_on() {
        CloudEventRecord event = CloudEventRecord.read(
                record(Topics.APPLICANT_CONTACTS, "e-2", EventTypes.APPLICATION_WITHDRAWN.name(), WITHDRAWN), JSON);
        assertInstanceOf(ApplicationWithdrawn.class, event.data());
    }

    @Test
    void a_known_type_on_a_topic_that_does_not_carry_it_is_unreadable() {
        UnreadableEventException unreadable = assertThrows(
                UnreadableEventException.class,
                () -> CloudEventRecord.read(
                        record(Topics.APPLICATIONS, "e-3", EventTypes.STATUS_CHANGED.name(), STATUS), JSON));
        assertEquals(
                "event type " + EventTypes.STATUS_CHANGED.name() + " is not published on ltsa.applications",
                unreadable.getMessage());
    }

    @Test
    void an_unknown_type_and_a_record_without_id_are_unreadable() {
        assertThrows(
                UnreadableEventException.class,
                () -> CloudEventRecord.read(
                        record(Topics.APPLICATION_STATUS, "e-4", "id.ltsa.application.reopened.v1", STATUS), JSON));
        assertThrows(
                UnreadableEventException.class,
                () -> CloudEventRecord.read(
                        record(Topics.APPLICATION_STATUS, null, EventTypes.STATUS_CHANGED.name(), STATUS), JSON));
        assertThrows(
                UnreadableEventException.class,
                () -> CloudEventRecord.read(record(Topics.APPLICATION_STATUS, "e-5", null, STATUS), JSON));
    }

    @Test
    void data_that_is_not_the_types_json_is_unreadable_and_the_reason_does_not_quote_it() {
        String personal = "{\"applicationId\":\"not-a-uuid\",\"reason\":\"Siti Aminah 081234567890\"}";
        UnreadableEventException unreadable = assertThrows(
                UnreadableEventException.class,
                () -> CloudEventRecord.read(
                        record(Topics.APPLICATION_STATUS, "e-6", EventTypes.STATUS_CHANGED.name(), personal), JSON));
        assertEquals(
                "not a valid " + EventTypes.STATUS_CHANGED.name() + " at line 1 column 18", unreadable.getMessage());
        assertFalse(unreadable.getMessage().contains("Siti"));
        assertThrows(
                UnreadableEventException.class,
                () -> CloudEventRecord.read(
                        record(Topics.APPLICATION_STATUS, "e-7", EventTypes.STATUS_CHANGED.name(), null), JSON));
    }

    private static ConsumerRecord<String, String> record(String topic, String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 42L, "key", value);
        if (id != null) {
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
