package id.ltsa.relay.notification;

import static id.ltsa.relay.notification.NotificationEvents.kafka;
import static id.ltsa.relay.notification.NotificationEvents.messagesTo;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A record this service cannot read is not skipped in silence (it could be the one that tells an applicant their
 * passport is ready): the inbox puts it on {@code ltsa.notification-service.dlq}, where ops see it with the reason and
 * where it came from, and the next record is read.
 */
@QuarkusTest
class UnreadableRecordsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ltsa.applicant-contacts, id.ltsa.applicant.contact-recorded.v1, '{\"applicationId\": 12', not a valid",
        "ltsa.application-status, id.ltsa.application.status-changed.v1, '{oops', not a valid",
        "ltsa.application-status, id.ltsa.application.received.v1, '{}', is not published on",
    })
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_the_next_one_is_read(
            String topic, String type, String value, String reason) throws Exception {
        String poison = UUID.randomUUID().toString();
        kafka().sendCloudEvent(topic, poison, UUID.randomUUID().toString(), type, value);
        UUID next = UUID.randomUUID();
        String phone = newPhone();
        publishReceived(next, phone, null, NotificationChannel.SMS, "id");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> messagesTo(phone).body("items", hasSize(1)));
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka().recordsWithKey(Topics.NOTIFICATION_DLQ, poison), records -> !records.isEmpty());
        String why = KafkaTestClient.header(dead.get(0), "dead-letter-reason");
        assertFalse(why == null || !why.contains(reason), why);
        assertEquals(topic, KafkaTestClient.header(dead.get(0), "dead-letter-topic"));
        assertEquals(value, dead.get(0).value());
    }
}
