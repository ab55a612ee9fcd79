package id.ltsa.relay.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Ports and folders of one office's local stack, which office it is, and whether upstream sits behind a real uplink (a
 * network namespace, when this machine allows one; LTSA_UPLINK=loopback keeps it on loopback) and the office has its
 * modem (gammu-smsd, when installed; LTSA_MODEM=off leaves it out). {@link #fromEnvironment} gives the contract's
 * ports (each overridable by an environment variable) for people; {@link #throwaway} gives free random ports and
 * test-speed settings for tests.
 *
 * @param officeCode the office's code; MirrorMaker 2 uses it as the office's alias, so the ministry sees its topics as
 *     {@code <officeCode>.ltsa.application-status}
 * @param kafkaUplinkPort the office broker's second listener, at the office end of its uplink, for the ministry's
 *     MirrorMaker 2
 * @param managementPorts where each service's health, metrics and OpenAPI document answer, on loopback: its API
 *     port plus 1000 (intake's on 9081); the simulator has none
 * @param keys where the development signing keys live: one pair for the whole local fleet
 * @param supervised restart the office server's processes when they die ({@code ltsa up} does unless
 *     LTSA_SUPERVISE=off; tests that kill and restart processes themselves do not)
 */
public record StackSettings(
        Path home,
        String officeCode,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaUplinkPort,
        int smtpPort,
        Map<Service, Integer> servicePorts,
        Map<Service, Integer> managementPorts,
        boolean throwaway,
        String callbackSecret,
        Map<String, String> serviceEnvironment,
        boolean uplinkNamespace,
        boolean modem,
        Path keys,
        boolean supervised)
        implements SideFolders {

    public static final String DEV_CALLBACK_SECRET = "ltsa-dev-callback-secret";
    public static final String DEFAULT_OFFICE = "5203";
    /** A service's management port is its API port plus this: 9081 for intake's 8081. */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    public static StackSettings fromEnvironment(Path home) {
        return fromEnvironment(home, DEFAULT_OFFICE, 0);
    }

    /**
     * The {@code index}th office of a local fleet (0 for the first): its folders under {@code fleetHome/offices/CODE},
     * its ports the contract's plus 100 per index (the second office's intake answers on 8181), so offices never
     * collide.
     */
    public static StackSettings fromEnvironment(Path fleetHome, String officeCode, int index) {
        int offset = 100 * index;
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, intEnv(service.portVariable(), service.defaultPort()) + offset);
            managementPorts.put(service, ports.get(service) + MANAGEMENT_PORT_OFFSET);
        }
        return new StackSettings(
                fleetHome.resolve("offices").resolve(officeCode),
                officeCode,
                intEnv("LTSA_POSTGRES_PORT", 5432) + offset,
                intEnv("LTSA_KAFKA_PORT", 9092) + offset,
                intEnv("LTSA_KAFKA_CONTROLLER_PORT", 9093) + offset,
                intEnv("LTSA_KAFKA_UPLINK_PORT", 9096) + offset,
                intEnv("LTSA_SMTP_PORT", 2525) + offset,
                ports,
                managementPorts,
                false,
                System.getenv().getOrDefault("LTSA_CALLBACK_SECRET", DEV_CALLBACK_SECRET),
                Map.of(),
                !"loopback".equals(System.getenv("LTSA_UPLINK")),
                !"off".equals(System.getenv("LTSA_MODEM")),
                fleetHome.resolve("keys"),
                !"off".equals(System.getenv("LTSA_SUPERVISE")));
    }

    public static StackSettings throwaway(Path home) {
        return throwaway(home, DEFAULT_OFFICE);
    }

    public static StackSettings throwaway(Path home, String officeCode) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Processes.freePort());
            managementPorts.put(service, Processes.freePort());
        }
        return new StackSettings(
                home,
                officeCode,
                Processes.freePort(),
                Processes.freePort(),
                Processes.freePort(),
                Processes.freePort(),
                Processes.freePort(),
                ports,
                managementPorts,
                true,
                DEV_CALLBACK_SECRET,
                Map.of(),
                true,
                true,
                home.resolve("keys"),
                false);
    }

    /**
     * The same stack with extra environment variables for every service, e.g. {@code LTSA_ALERTS_LINK_DOWN_THRESHOLD}
     * to compress an outage's timeline into minutes. A service ignores the variables that are not its own.
     */
    public StackSettings withServiceEnvironment(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(serviceEnvironment);
        merged.putAll(environment);
        return new StackSettings(
                home,
                officeCode,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                kafkaUplinkPort,
                smtpPort,
                servicePorts,
                managementPorts,
                throwaway,
                callbackSecret,
                Map.copyOf(merged),
                uplinkNamespace,
                modem,
                keys,
                supervised);
    }

    /** The same stack signing with the keys in {@code keys}, shared with the rest of a fleet. */
    public StackSettings withKeys(Path keys) {
        return new StackSettings(
                home,
                officeCode,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                kafkaUplinkPort,
                smtpPort,
                servicePorts,
                managementPorts,
                throwaway,
                callbackSecret,
                serviceEnvironment,
                uplinkNamespace,
                modem,
                keys,
                supervised);
    }

    /** The same stack, with its processes restarted when they die (or not). */
    public StackSettings withSupervision(boolean on) {
        return new StackSettings(
                home,
                officeCode,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                kafkaUplinkPort,
                smtpPort,
                servicePorts,
                managementPorts,
                throwaway,
                callbackSecret,
                serviceEnvironment,
                uplinkNamespace,
                modem,
                keys,
                on);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public int managementPort(Service service) {
        return managementPorts.get(service);
    }

    static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
