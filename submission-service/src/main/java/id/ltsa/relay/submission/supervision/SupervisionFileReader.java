package id.ltsa.relay.submission.supervision;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the supervisor's {@code supervision.properties}: written by {@code ltsa up}'s supervisor, or on an installed
 * server by {@code deploy/systemd}'s {@code ltsa-supervision-report} from systemd's own counts. The writers replace
 * the file whole, so a read never sees half of one.
 */
final class SupervisionFileReader {

    private SupervisionFileReader() {}

    /** The restarts in the file, or an empty list under its writer's name when the file is not there yet. */
    static ProcessRestarts read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return new ProcessRestarts("unknown", null, List.of());
        }
        List<ProcessRestarts.Process> processes = new ArrayList<>();
        String names = properties.getProperty("processes", "");
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            String prefix = "process." + name + ".";
            processes.add(new ProcessRestarts.Process(
                    name,
                    properties.getProperty(prefix + "state", "UNKNOWN"),
                    Integer.parseInt(properties.getProperty(prefix + "restarts", "0")),
                    instant(properties, prefix + "lastDownAt"),
                    instant(properties, prefix + "lastRestartAt"),
                    instant(properties, prefix + "nextAttemptAt")));
        }
        return new ProcessRestarts(
                properties.getProperty("supervisedBy", "ltsa up"), instant(properties, "updatedAt"), processes);
    }

    private static Instant instant(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
