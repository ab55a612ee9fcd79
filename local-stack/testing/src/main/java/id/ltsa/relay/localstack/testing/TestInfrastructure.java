package id.ltsa.relay.localstack.testing;

import id.ltsa.relay.localstack.KafkaCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A real Kafka broker and a real PostgreSQL server for one test JVM, wherever they come from. */
public interface TestInfrastructure {

    String bootstrapServers();

    /** The broker's users: tests log in as {@code admin}, a service under test as its own user. */
    KafkaCredentials kafkaCredentials();

    String jdbcUrl(String database);

    String username();

    String password();

    /** Where it comes from, for the test log. */
    String description();

    void stop();

    /** A fresh database, so a test JVM never sees another's rows even on a shared server. */
    default void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
    }
}
