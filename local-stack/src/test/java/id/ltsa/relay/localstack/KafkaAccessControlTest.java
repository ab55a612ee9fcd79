package id.ltsa.relay.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.ltsa.relay.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An office broker as the local stack runs it (SASL/SCRAM, KRaft's StandardAuthorizer, {@link KafkaAccessControl}'s
 * ACLs), asked by each service's own credentials: each reaches its own topics and nothing else.
 */
class KafkaAccessControlTest {

    @TempDir
    static Path home;

    private static KafkaBroker kafka;

    @BeforeAll
    static void start() {
        kafka = new KafkaBroker(
                        home.resolve("kafka"),
                        home.resolve("logs/kafka.log"),
                        Processes.freePort(),
                        Processes.freePort(),
                        "256m")
                .withCredentials(KafkaCredentials.in(home.resolve("keys")));
        kafka.start();
    }

    @AfterAll
    static void stop() {
        kafka.stop();
    }

    @Test
    void notification_service_cannot_produce_to_or_read_the_applications_topic() {
        ExecutionException produced =
                assertThrows(ExecutionException.class, () -> send(KafkaCredentials.NOTIFICATION, Topics.APPLICATIONS));
        assertInstanceOf(TopicAuthorizationException.class, produced.getCause());

        assertThrows(
                TopicAuthorizationException.class,
                () -> poll(KafkaCredentials.NOTIFICATION, Topics.APPLICATIONS, "notification-service.snoop"));
    }

    @Test
    void notification_service_reads_the_contacts_it_needs() throws Exception {
        send(KafkaCredentials.INTAKE, Topics.APPLICANT_CONTACTS);

        assertEquals(
                1,
                poll(KafkaCredentials.NOTIFICATION, Topics.APPLICANT_CONTACTS, "notification-service.contacts-check")
                        .count());
    }

    @Test
    void each_service_writes_its_own_topics_only() throws Exception {
        send(KafkaCredentials.INTAKE, Topics.APPLICATIONS);
        send(KafkaCredentials.SUBMISSION, Topics.APPLICATION_STATUS);

        ExecutionException forged =
                assertThrows(ExecutionException.class, () -> send(KafkaCredentials.INTAKE, Topics.APPLICATION_STATUS));
        assertInstanceOf(TopicAuthorizationException.class, forged.getCause(), "intake cannot forge a status change");
        ExecutionException injected =
                assertThrows(ExecutionException.class, () -> send(KafkaCredentials.SUBMISSION, Topics.APPLICATIONS));
        assertInstanceOf(
                TopicAuthorizationException.class, injected.getCause(), "submission cannot inject an application");
    }

    @Test
    void the_ministry_s_mirror_maker_reads_what_it_replicates_and_not_the_applicants() throws Exception {
        send(KafkaCredentials.SUBMISSION, Topics.CENTRAL_LINK);

        assertThrows(
                TopicAuthorizationException.class,
                () -> poll(KafkaCredentials.MIRROR_MAKER, Topics.APPLICATIONS, null));
        assertThrows(
                TopicAuthorizationException.class,
                () -> poll(KafkaCredentials.MIRROR_MAKER, Topics.APPLICANT_CONTACTS, null));
        assertEquals(
                1,
                poll(KafkaCredentials.MIRROR_MAKER, Topics.CENTRAL_LINK, null).count());
    }

    @Test
    void a_service_cannot_join_another_service_s_consumer_group() {
        assertThrows(
                GroupAuthorizationException.class,
                () -> poll(KafkaCredentials.NOTIFICATION, Topics.APPLICATION_STATUS, "intake-service.status"));
    }

    @Test
    void a_client_without_the_password_is_not_let_in() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(KafkaCredentials.INTAKE));
        config.put("sasl.jaas.config", KafkaCredentials.scramLogin(KafkaCredentials.INTAKE, "guessed"));
        config.put("max.block.ms", 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ExecutionException refused = assertThrows(
                    ExecutionException.class, () -> producer.send(new ProducerRecord<>(Topics.APPLICATIONS, "k", "v"))
                            .get());
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
    }

    private static void send(String user, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user));
        config.put("max.block.ms", 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "{}")).get();
        }
    }

    /** Everything on the topic, read as {@code user}: in {@code group}, or assigned (group-less) when it is null. */
    private static ConsumerRecords<String, String> poll(String user, String topic, String group) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user));
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        if (group != null) {
            config.put("group.id", group);
        }
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return records;
                }
            }
            return ConsumerRecords.empty();
        }
    }
}
