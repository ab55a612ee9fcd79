package id.ltsa.relay.localstack.testing;

import id.ltsa.relay.localstack.KafkaBroker;
import id.ltsa.relay.localstack.KafkaCredentials;
import id.ltsa.relay.localstack.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a container, on hosts with a Docker engine. Kafka runs as a process from Maven Central's jars even
 * there: the office broker is closed (SASL/SCRAM and ACLs, {@link KafkaBroker#withCredentials}), and the tests must
 * meet the broker the services meet.
 */
final class ContainerInfrastructure implements TestInfrastructure {

    private final KafkaBroker kafka;
    private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");

    ContainerInfrastructure() {
        Path home;
        try {
            home = Files.createTempDirectory("ltsa-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = new KafkaBroker(
                        home.resolve("kafka"),
                        home.resolve("logs/kafka.log"),
                        Processes.freePort(),
                        Processes.freePort(),
                        "256m")
                .withCredentials(KafkaCredentials.in(home.resolve("keys")));
        kafka.start();
        postgres.start();
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public KafkaCredentials kafkaCredentials() {
        return kafka.credentials().orElseThrow();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String username() {
        return postgres.getUsername();
    }

    @Override
    public String password() {
        return postgres.getPassword();
    }

    @Override
    public String description() {
        return "Kafka process " + bootstrapServers() + ", Testcontainers PostgreSQL " + jdbcUrl("");
    }

    @Override
    public void stop() {
        kafka.stop();
        postgres.stop();
    }
}
