package id.ltsa.relay.submission.lag;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Lag against a real broker: it rises while a consumer stands still (STALL), the group is STOP once its consumer is
 * gone, and it falls back to zero (OK) once a consumer catches up — in the ops report and in the metrics.
 */
@QuarkusTest
class ConsumerLagTest {

    @Test
    void lag_rises_while_a_consumer_stands_still_and_falls_after_it_catches_up() throws Exception {
        String topic = "lag-test-" + UUID.randomUUID();
        String group = "lag-test-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(RealInfrastructure.kafkaAdminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, topic, 5);
            try (KafkaConsumer<String, String> consumer = consumer(group)) {
                consumer.subscribe(List.of(topic));
                consumeAll(consumer, 5);
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(
                                () -> group(group).body("lag", equalTo(0)).body("status", equalTo("OK")));

                send(producer, topic, 10); // the consumer is connected but does not poll

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> group(group)
                        .body("lag", equalTo(10))
                        .body("status", equalTo("ERR"))
                        .body("partitions[0].status", equalTo("STALL")));
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> given().port(RealInfrastructure.managementPort())
                                .get("/q/metrics")
                                .then()
                                .body(containsString("ltsa_consumer_lag_records{group=\"" + group
                                        + "\",partition=\"0\",topic=\"" + topic + "\"} 10.0")));
                group(group).body("lagSeconds", greaterThanOrEqualTo(0));
            }
            // the consumer left the group: nobody reads what waits
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> group(group)
                    .body("hasMembers", equalTo(false))
                    .body("partitions[0].status", equalTo("STOP")));

            try (KafkaConsumer<String, String> consumer = consumer(group)) {
                consumer.subscribe(List.of(topic));
                consumeAll(consumer, 10);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(
                                () -> group(group).body("lag", equalTo(0)).body("status", equalTo("OK")));
                given().port(RealInfrastructure.managementPort())
                        .get("/q/metrics")
                        .then()
                        .body(containsString("ltsa_consumer_status{group=\"" + group + "\",status=\"OK\"} 1.0"));
            }
        }
    }

    private static ValidatableResponse group(String group) {
        return given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                .get("/api/v1/ops/consumers")
                .then()
                .statusCode(200)
                .rootPath("groups.find { it.group == '" + group + "' }");
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
        }
    }

    private static void consumeAll(KafkaConsumer<String, String> consumer, int expected) {
        int[] seen = {0};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            seen[0] += consumer.poll(Duration.ofMillis(200)).count();
            return seen[0] >= expected;
        });
        consumer.commitSync();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                RealInfrastructure.kafkaAdminConfig(), new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> properties = RealInfrastructure.kafkaAdminConfig();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
