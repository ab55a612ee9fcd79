package id.ltsa.relay.localstack.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * The supervisor's counts on disk, for submission-service's ops API ({@code GET /api/v1/ops/processes}) to show on
 * the dashboard: a properties file, so the service needs no library of ours to read it, replaced whole at each change
 * so a reader never sees half of it.
 *
 * <pre>
 * supervisedBy=ltsa up
 * updatedAt=2026-12-03T10:15:30Z
 * processes=postgresql,kafka,intake-service
 * process.kafka.state=RUNNING
 * process.kafka.restarts=2
 * process.kafka.lastDownAt=2026-12-03T10:14:02Z
 * process.kafka.lastRestartAt=2026-12-03T10:14:03Z
 * process.kafka.nextAttemptAt=          (only while WAITING)
 * </pre>
 */
public final class SupervisionFile {

    private SupervisionFile() {}

    public static void write(Path file, List<ProcessStatus> statuses, Instant now) {
        Properties properties = new Properties();
        properties.setProperty("supervisedBy", "ltsa up");
        properties.setProperty("updatedAt", now.toString());
        properties.setProperty(
                "processes",
                String.join(",", statuses.stream().map(ProcessStatus::name).toList()));
        for (ProcessStatus status : statuses) {
            String prefix = "process." + status.name() + ".";
            properties.setProperty(prefix + "state", status.state().name());
            properties.setProperty(prefix + "restarts", Integer.toString(status.restarts()));
            putIfSet(properties, prefix + "lastDownAt", status.lastDownAt());
            putIfSet(properties, prefix + "lastRestartAt", status.lastRestartAt());
            putIfSet(properties, prefix + "nextAttemptAt", status.nextAttemptAt());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(written)) {
                properties.store(out, "ltsa up's supervisor: restarts of the office server's processes");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfSet(Properties properties, String key, Instant value) {
        if (value != null) {
            properties.setProperty(key, value.toString());
        }
    }
}
