package id.ltsa.relay.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Ports and folders of one local stack, and whether upstream sits behind a real uplink (a network namespace, when this
 * machine allows one; LTSA_UPLINK=loopback keeps it on loopback) and the office has its modem (gammu-smsd, when
 * installed; LTSA_MODEM=off leaves it out). {@link #fromEnvironment} gives the contract's ports (each overridable by an
 * environment variable) for people; {@link #throwaway} gives free random ports and test-speed settings for tests.
 */
public record StackSettings(
        Path home,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int smtpPort,
        Map<Service, Integer> servicePorts,
        boolean throwaway,
        String callbackSecret,
        Map<String, String> serviceEnvironment,
        boolean uplinkNamespace,
        boolean modem) {

    public static final String DEV_CALLBACK_SECRET = "ltsa-dev-callback-secret";

    public static StackSettings fromEnvironment(Path home) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, intEnv(service.portVariable(), service.defaultPort()));
        }
        return new StackSettings(home,
                intEnv("LTSA_POSTGRES_PORT", 5432),
                intEnv("LTSA_KAFKA_PORT", 9092),
                intEnv("LTSA_KAFKA_CONTROLLER_PORT", 9093),
                intEnv("LTSA_SMTP_PORT", 2525),
                ports,
                false,
                System.getenv().getOrDefault("LTSA_CALLBACK_SECRET", DEV_CALLBACK_SECRET),
                Map.of(),
                !"loopback".equals(System.getenv("LTSA_UPLINK")),
                !"off".equals(System.getenv("LTSA_MODEM")));
    }

    public static StackSettings throwaway(Path home) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Processes.freePort());
        }
        return new StackSettings(home, Processes.freePort(), Processes.freePort(), Processes.freePort(),
                Processes.freePort(), ports, true, DEV_CALLBACK_SECRET, Map.of(), true, true);
    }

    /**
     * The same stack with extra environment variables for every service, e.g. {@code LTSA_ALERTS_LINK_DOWN_THRESHOLD}
     * to compress an outage's timeline into minutes. A service ignores the variables that are not its own.
     */
    public StackSettings withServiceEnvironment(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(serviceEnvironment);
        merged.putAll(environment);
        return new StackSettings(home, postgresPort, kafkaPort, kafkaControllerPort, smtpPort, servicePorts, throwaway,
                callbackSecret, Map.copyOf(merged), uplinkNamespace, modem);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path keys() {
        return home.resolve("keys");
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
