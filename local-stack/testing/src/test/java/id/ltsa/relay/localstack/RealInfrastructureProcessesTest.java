package id.ltsa.relay.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker and the database the whole project stands on: real, restartable, keeping their data. */
class RealInfrastructureProcessesTest {

    @TempDir
    Path home;

    @Test
    void postgres_keeps_its_rows_across_a_crash_and_restart() throws Exception {
        PostgresServer postgres =
                new PostgresServer(home.resolve("pg"), home.resolve("logs/pg.log"), Processes.freePort(), false);
        postgres.start();
        try {
            postgres.createDatabaseIfMissing("office");
            execute(postgres, "CREATE TABLE visit (id int)", "INSERT INTO visit VALUES (1), (2)");

            postgres.crash();
            postgres.start();

            assertEquals(2, count(postgres, "SELECT count(*) FROM visit"));
        } finally {
            postgres.stop();
        }
    }

    @Test
    void kafka_broker_delivers_a_record_sent_before_a_restart() throws Exception {
        KafkaBroker kafka = new KafkaBroker(
                home.resolve("kafka"),
                home.resolve("logs/kafka.log"),
                Processes.freePort(),
                Processes.freePort(),
                "256m");
        kafka.start();
        try {
            Map<String, Object> producerConfig = Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("check", "key-1", "before restart"))
                        .get();
            }

            kafka.stop();
            kafka.start();

            Map<String, Object> consumerConfig = Map.of(
                    "bootstrap.servers",
                    kafka.bootstrapServers(),
                    "group.id",
                    "check",
                    "auto.offset.reset",
                    "earliest");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("check"));
                ConsumerRecord<String, String> record = pollOne(consumer);
                assertEquals("before restart", record.value());
                assertEquals("key-1", record.key());
            }
        } finally {
            kafka.stop();
        }
    }

    private static ConsumerRecord<String, String> pollOne(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                return record;
            }
        }
        throw new AssertionError("no record within 30 s");
    }

    private static void execute(PostgresServer postgres, String... sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("office"), PostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static long count(PostgresServer postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("office"), PostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
