package id.ltsa.relay.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/asyncapi.yaml is what the teams consuming our topics read, so it must say what the records say. A field, enum
 * constant, event type or topic changed in this module without the document fails here, naming what to update.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How Jackson writes each Java type the records use; dates are ISO strings, as Quarkus configures it. */
    private static final Map<Class<?>, WireType> WIRE_TYPES = Map.of(
            String.class, new WireType("string", null),
            UUID.class, new WireType("string", "uuid"),
            Instant.class, new WireType("string", "date-time"),
            LocalDate.class, new WireType("string", "date"),
            int.class, new WireType("integer", "int32"),
            long.class, new WireType("integer", "int64"));

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        document = YAML.readTree(locate().toFile());
    }

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    static Stream<String> topics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(AsyncApiDocumentTest::constant);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void every_event_type_has_a_message_on_the_channel_of_each_of_its_topics(EventType<?> type) {
        for (String topic : type.topics()) {
            assertEquals(
                    type.name(),
                    message(type, topic).path("name").asText(),
                    "message name of " + type.name() + " on " + topic);
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void message_payload_lists_exactly_the_fields_of_the_record(EventType<?> type) {
        List<String> drift = drift(type.dataClass(), resolve(message(type).path("payload")), type.name());

        assertTrue(drift.isEmpty(), () -> "docs/asyncapi.yaml is out of date:\n  " + String.join("\n  ", drift));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void message_example_is_the_golden_file(EventType<?> type) throws IOException {
        JsonNode example = message(type).path("examples").path(0).path("payload");

        assertEquals(golden(type), example, type.name() + ": copy its golden file into docs/asyncapi.yaml");
    }

    @ParameterizedTest
    @MethodSource("topics")
    void every_topic_has_a_channel(String topic) {
        assertEquals(topic, channel(topic).path("address").asText());
    }

    /** What a developer has after adding a field to CentralLinkChanged and forgetting the document. */
    record LinkChangedWithRegion(
            LinkState state, Instant since, String lastError, long pending, LinkDiagnosis diagnosis, String region) {}

    @Test
    void a_field_added_to_an_event_but_not_to_the_document_is_reported() {
        JsonNode documented = resolve(message(EventTypes.CENTRAL_LINK_CHANGED).path("payload"));

        assertEquals(
                List.of("id.ltsa.central-link.changed.v1: LinkChangedWithRegion.region is missing from the document"),
                drift(LinkChangedWithRegion.class, documented, CentralLinkChanged.TYPE));
    }

    @Test
    void a_property_the_record_lacks_and_an_undocumented_enum_constant_are_reported() throws IOException {
        JsonNode stale = YAML.readTree("""
                type: object
                required: [state, since, pending]
                properties:
                  state: {type: string, enum: [UP]}
                  since: {type: string, format: date-time}
                  lastError: {type: [string, 'null']}
                  pending: {type: integer, format: int64}
                  diagnosis: {type: string, enum: [UPLINK_DOWN, CENTRAL_ERRORS, CENTRAL_REFUSES]}
                  region: {type: string}
                """);

        assertEquals(
                List.of(
                        "id.ltsa.central-link.changed.v1: the document has 'region', CentralLinkChanged does not",
                        "id.ltsa.central-link.changed.v1 > state: LinkState.DOWN is missing from the document"),
                drift(CentralLinkChanged.class, stale, CentralLinkChanged.TYPE));
    }

    /** Every difference between a record or enum and its schema, each naming where and what; empty when they agree. */
    static List<String> drift(Class<?> type, JsonNode schema, String where) {
        return type.isEnum() ? enumDrift(type, schema, where) : recordDrift(type, schema, where);
    }

    private static List<String> enumDrift(Class<?> type, JsonNode schema, String where) {
        Set<String> constants = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return differences(type, constants, texts(schema.path("enum")), where);
    }

    private static List<String> recordDrift(Class<?> type, JsonNode schema, String where) {
        JsonNode properties = schema.path("properties");
        Set<String> required = texts(schema.path("required"));
        Set<String> components = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> problems = new ArrayList<>(differences(type, components, names(properties), where));
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            if (!property.isMissingNode()) {
                problems.addAll(componentDrift(component, property, where));
            }
            // Jackson always writes a primitive, so the document must promise it
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                problems.add(where + ": " + type.getSimpleName() + "." + component.getName()
                        + " is always set: list it under required");
            }
        }
        return problems;
    }

    /** A nested record or enum is compared recursively, through its $ref; anything else by its JSON type. */
    private static List<String> componentDrift(RecordComponent component, JsonNode property, String where) {
        Class<?> type = component.getType();
        if (type.isRecord() || type.isEnum()) {
            return drift(type, resolve(property), where + " > " + component.getName());
        }
        String field = component.getDeclaringRecord().getSimpleName() + "." + component.getName();
        WireType expected = WIRE_TYPES.get(type);
        if (expected == null) {
            return List.of(where + ": " + field + " is a " + type.getSimpleName()
                    + ", which AsyncApiDocumentTest.WIRE_TYPES does not know: add how Jackson writes it");
        }
        WireType documented =
                new WireType(jsonType(property), property.path("format").asText(null));
        return expected.admits(documented)
                ? List.of()
                : List.of(where + ": " + field + " is " + expected + " on the wire, the document says " + documented);
    }

    /** Names the code has and the document lacks first, then names only the document has. */
    private static List<String> differences(Class<?> owner, Set<String> inCode, Set<String> inDocument, String where) {
        List<String> problems = new ArrayList<>();
        inCode.stream()
                .filter(name -> !inDocument.contains(name))
                .forEach(name -> problems.add(
                        where + ": " + owner.getSimpleName() + "." + name + " is missing from the document"));
        inDocument.stream()
                .filter(name -> !inCode.contains(name))
                .forEach(name -> problems.add(
                        where + ": the document has '" + name + "', " + owner.getSimpleName() + " does not"));
        return problems;
    }

    /** The message whose ce_type header is the event type, on the channel of the type's topic. */
    private static JsonNode message(EventType<?> type) {
        return message(type, type.topic());
    }

    private static JsonNode message(EventType<?> type, String topic) {
        for (JsonNode candidate : channel(topic).path("messages")) {
            JsonNode message = resolve(candidate);
            if (type.name()
                    .equals(message.at("/headers/properties/ce_type/const").asText())) {
                return message;
            }
        }
        return fail(type.name() + ": docs/asyncapi.yaml has no message with this ce_type on channel " + topic);
    }

    private static JsonNode channel(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return fail("docs/asyncapi.yaml has no channel with address " + topic);
    }

    /** Follows local references ("#/components/..."), the only kind the document uses. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty()) {
            return node;
        }
        JsonNode target = document.at(ref.substring(1));
        return target.isMissingNode() ? fail("docs/asyncapi.yaml: nothing at $ref " + ref) : resolve(target);
    }

    /** A nullable property is typed [string, 'null']: its JSON type is the one that is not null. */
    private static String jsonType(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            return texts(type).stream()
                    .filter(name -> !"null".equals(name))
                    .findFirst()
                    .orElse("null");
        }
        return type.asText(null);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static JsonNode golden(EventType<?> type) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/golden/" + type.name() + ".json")) {
            return in == null ? fail("missing golden file for " + type.name()) : JSON.readTree(in);
        }
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Maven runs tests in the module directory, an IDE often in the repository root: walk up to find docs/. */
    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/asyncapi.yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/asyncapi.yaml not found in " + start + " or above");
    }

    /** A JSON Schema type and format; a null format admits any (a String may be documented as an email). */
    private record WireType(String type, String format) {

        boolean admits(WireType documented) {
            return type.equals(documented.type) && (format == null || format.equals(documented.format));
        }

        @Override
        public String toString() {
            return format == null ? type : type + " (" + format + ")";
        }
    }
}
