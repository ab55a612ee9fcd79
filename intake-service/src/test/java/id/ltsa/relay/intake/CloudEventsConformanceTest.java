package id.ltsa.relay.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The events on the wire are CloudEvents as the CloudEvents Java SDK's own Kafka binding reads them: another system's
 * consumer, written with the SDK and nothing of ours, gets every attribute. The outbox module publishes for every
 * service, so one service's record proves the format of all.
 */
@QuarkusTest
class CloudEventsConformanceTest {

    @Test
    void a_received_event_reads_as_a_binary_mode_cloud_event_with_the_sdk() throws Exception {
        String id = ApplicationRegistrationTest.register("5203");
        ConsumerRecord<String, String> record;
        try (KafkaTestClient kafka = RealInfrastructure.kafka()) {
            record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.recordsWithKey(Topics.APPLICATIONS, id), found -> !found.isEmpty())
                    .get(0);
        }

        CloudEvent event;
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            sdk.configure(Map.of(), false);
            event = sdk.deserialize(
                    record.topic(), record.headers(), record.value().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertEquals(KafkaTestClient.header(record, "ce_id"), event.getId());
        assertEquals(ApplicationReceived.TYPE, event.getType());
        assertNotNull(event.getSource());
        assertNotNull(event.getTime());
        assertEquals(id, event.getSubject());
        // binary mode: datacontenttype travels as the record's content-type header, and only there
        assertEquals("application/json", event.getDataContentType());
        assertEquals(List.of("application/json"), headers(record, "content-type"));
        assertNull(record.headers().lastHeader("ce_datacontenttype"), "datacontenttype sent twice");
        JsonNode data = new ObjectMapper().readTree(event.getData().toBytes());
        assertEquals(id, data.get("applicationId").asText());
    }

    private static List<String> headers(ConsumerRecord<String, String> record, String name) {
        return java.util.stream.StreamSupport.stream(
                        record.headers().headers(name).spliterator(), false)
                .map(header -> new String(header.value(), StandardCharsets.UTF_8))
                .toList();
    }
}
