package id.ltsa.relay.localstack.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL in containers, on hosts with a Docker engine. */
final class ContainerInfrastructure implements TestInfrastructure {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");

    ContainerInfrastructure() {
        kafka.start();
        postgres.start();
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
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
        return "Testcontainers: Kafka " + bootstrapServers() + ", PostgreSQL " + jdbcUrl("");
    }

    @Override
    public void stop() {
        kafka.stop();
        postgres.stop();
    }
}
