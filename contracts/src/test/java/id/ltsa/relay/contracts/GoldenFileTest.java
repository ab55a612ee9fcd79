package id.ltsa.relay.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire format of every event is pinned by a golden file. A change to a record that changes its JSON fails here
 * first: update the golden file, docs/events.md and the event's version together, on purpose.
 */
class GoldenFileTest {

    /** Configured as Quarkus configures its ObjectMapper: ISO-8601 times, not epoch numbers. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void serialized_event_matches_its_golden_file(EventType<?> type) throws IOException {
        Object sample = SampleEvents.BY_TYPE.get(type);

        assertEquals(golden(type), JSON.readTree(JSON.writeValueAsString(sample)), "wire format of " + type.name());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void golden_file_reads_back_into_the_same_record(EventType<?> type) throws IOException {
        Object read = JSON.treeToValue(golden(type), type.dataClass());

        assertEquals(SampleEvents.BY_TYPE.get(type), read);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void every_type_is_found_by_its_name_and_by_its_record(EventType<?> type) {
        assertEquals(type, EventTypes.byName(type.name()).orElseThrow());
        assertEquals(type, EventTypes.of(SampleEvents.BY_TYPE.get(type)));
        assertTrue(type.name().startsWith("id.ltsa.") && type.name().endsWith(".v1"), type.name());
    }

    private static JsonNode golden(EventType<?> type) throws IOException {
        String file = "/golden/" + type.name() + ".json";
        try (InputStream in = GoldenFileTest.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + file);
            }
            return JSON.readTree(in);
        }
    }
}
