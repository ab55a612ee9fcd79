package id.ltsa.relay.localstack.testing;

/**
 * A broker and a server someone else runs, named by LTSA_TEST_KAFKA_BOOTSTRAP_SERVERS and LTSA_TEST_POSTGRES_URL
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/}), for a quick loop against infrastructure that is already up.
 */
final class ExternalInfrastructure implements TestInfrastructure {

    private final String bootstrapServers;
    private final String serverUrl;

    ExternalInfrastructure(String bootstrapServers, String serverUrl) {
        this.bootstrapServers = bootstrapServers;
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
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
