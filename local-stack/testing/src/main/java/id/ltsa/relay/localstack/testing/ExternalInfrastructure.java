package id.ltsa.relay.localstack.testing;

import id.ltsa.relay.localstack.KafkaCredentials;
import java.nio.file.Path;

/**
 * A broker and a server someone else runs, named by LTSA_TEST_KAFKA_BOOTSTRAP_SERVERS and LTSA_TEST_POSTGRES_URL
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/}), for a quick loop against infrastructure that is already up. The
 * broker's users are in the {@code kafka-credentials.properties} of LTSA_TEST_KAFKA_CREDENTIALS ({@code .ltsa/keys}
 * for a running {@code ./ltsa up}).
 */
final class ExternalInfrastructure implements TestInfrastructure {

    private final String bootstrapServers;
    private final String serverUrl;
    private final KafkaCredentials kafkaCredentials;

    ExternalInfrastructure(String bootstrapServers, String serverUrl) {
        this.bootstrapServers = bootstrapServers;
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        String credentials = System.getenv("LTSA_TEST_KAFKA_CREDENTIALS");
        if (credentials == null) {
            throw new IllegalStateException("LTSA_TEST_KAFKA_CREDENTIALS: the folder of the broker's "
                    + KafkaCredentials.FILE + " (.ltsa/keys for ./ltsa up)");
        }
        this.kafkaCredentials = KafkaCredentials.in(Path.of(credentials));
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public KafkaCredentials kafkaCredentials() {
        return kafkaCredentials;
    }

    @Override
    public String jdbcUrl(String database) {
        return serverUrl + database;
    }

    @Override
    public String username() {
        return System.getenv().getOrDefault("LTSA_TEST_POSTGRES_USER", "postgres");
    }

    @Override
    public String password() {
        return System.getenv().getOrDefault("LTSA_TEST_POSTGRES_PASSWORD", "postgres");
    }

    @Override
    public String description() {
        return "external: Kafka " + bootstrapServers + ", PostgreSQL " + serverUrl;
    }

    @Override
    public void stop() {
        // not ours to stop
    }
}
