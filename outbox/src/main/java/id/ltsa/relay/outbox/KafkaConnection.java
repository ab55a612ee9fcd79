package id.ltsa.relay.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How this service reaches its broker, for the few Kafka clients made by hand (the outbox audit's reader, the lag
 * monitor, the office heartbeat): the same {@code kafka.bootstrap.servers} and login ({@code kafka.security.protocol},
 * {@code kafka.sasl.*}) as the connector's channels, which read them themselves. Without this a hand-made client would
 * knock on a closed broker without its password.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings;

    KafkaConnection(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "kafka.security.protocol") Optional<String> protocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> mechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> login) {
        Map<String, Object> all = new HashMap<>();
        all.put("bootstrap.servers", bootstrapServers);
        protocol.ifPresent(value -> all.put("security.protocol", value));
        mechanism.ifPresent(value -> all.put("sasl.mechanism", value));
        login.ifPresent(value -> all.put("sasl.jaas.config", value));
        this.settings = Map.copyOf(all);
    }

    /** A new, modifiable map with the connection's settings, to which a client adds its own. */
    public Map<String, Object> settings() {
        return new HashMap<>(settings);
    }
}
