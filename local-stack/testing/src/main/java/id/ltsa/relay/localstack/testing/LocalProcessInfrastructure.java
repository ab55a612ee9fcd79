package id.ltsa.relay.localstack.testing;

import id.ltsa.relay.localstack.KafkaBroker;
import id.ltsa.relay.localstack.KafkaCredentials;
import id.ltsa.relay.localstack.PostgresServer;
import id.ltsa.relay.localstack.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Kafka and PostgreSQL as separate processes on free ports, in a temp folder: what runs where there is no Docker. */
final class LocalProcessInfrastructure implements TestInfrastructure {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    LocalProcessInfrastructure() {
        Path home;
        try {
            home = Files.createTempDirectory("ltsa-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = new PostgresServer(
                home.resolve("postgres"), home.resolve("logs/postgres.log"), Processes.freePort(), true);
        kafka = new KafkaBroker(
                        home.resolve("kafka"),
                        home.resolve("logs/kafka.log"),
                        Processes.freePort(),
                        Processes.freePort(),
                        "256m")
                .withCredentials(KafkaCredentials.in(home.resolve("keys")));
        CompletableFuture<Void> broker = CompletableFuture.runAsync(kafka::start);
        postgres.start();
        broker.join();
    }

    PostgresServer postgres() {
        return postgres;
    }

    KafkaBroker kafka() {
        return kafka;
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
        return postgres.jdbcUrl(database);
    }

    @Override
    public String username() {
        return PostgresServer.USER;
    }

    @Override
    public String password() {
        return "test";
    }

    @Override
    public String description() {
        return "local processes: Kafka " + kafka.bootstrapServers() + ", PostgreSQL " + postgres.jdbcUrl("");
    }

    @Override
    public void stop() {
        kafka.stop();
        postgres.stop();
    }
}
