package id.ltsa.relay.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Ports and folders of the ministry side of a local fleet: its PostgreSQL, its Kafka broker, MirrorMaker 2's internal
 * REST listener (exactly-once needs it) and ministry-watch.
 *
 * @param watchManagementPort ministry-watch's health, metrics and OpenAPI document (its port plus 1000)
 * @param environment extra environment for ministry-watch, e.g. {@code LTSA_FLEET_SILENT_AFTER=20s} in tests
 */
public record MinistrySettings(
        Path home,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mirrorMakerRestPort,
        int watchPort,
        int watchManagementPort,
        boolean throwaway,
        Map<String, String> environment)
        implements SideFolders {

    /** The contract's port 8084 for ministry-watch; the rest overridable like the office's. */
    public static MinistrySettings fromEnvironment(Path fleetHome) {
        return new MinistrySettings(
                fleetHome.resolve("ministry"),
                StackSettings.intEnv("LTSA_MINISTRY_POSTGRES_PORT", 5442),
                StackSettings.intEnv("LTSA_MINISTRY_KAFKA_PORT", 9094),
                StackSettings.intEnv("LTSA_MINISTRY_KAFKA_CONTROLLER_PORT", 9095),
                StackSettings.intEnv("LTSA_MIRROR_MAKER_PORT", 8094),
                StackSettings.intEnv("MINISTRY_WATCH_PORT", 8084),
                StackSettings.intEnv("MINISTRY_WATCH_PORT", 8084) + StackSettings.MANAGEMENT_PORT_OFFSET,
                false,
                Map.of());
    }

    public static MinistrySettings throwaway(Path fleetHome) {
        return new MinistrySettings(
                fleetHome.resolve("ministry"),
                Processes.freePort(),
                Processes.freePort(),
                Processes.freePort(),
                Processes.freePort(),
                Processes.freePort(),
                Processes.freePort(),
                true,
                Map.of());
    }

    public MinistrySettings withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new MinistrySettings(
                home,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                mirrorMakerRestPort,
                watchPort,
                watchManagementPort,
                throwaway,
                Map.copyOf(merged));
    }
}
