package id.ltsa.relay.submission.supervision;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The restarts of the office server's processes, for the ops dashboard and Prometheus. This service only reads what
 * the supervisor wrote ({@code ltsa.ops.supervision-file}); it cannot watch the others itself, as it is one of the
 * processes that die.
 */
@ApplicationScoped
public class Supervision {

    private final Optional<Path> file;
    private final MultiGauge restarts;
    private final MultiGauge running;

    Supervision(@ConfigProperty(name = "ltsa.ops.supervision-file") Optional<Path> file, MeterRegistry registry) {
        this.file = file;
        this.restarts = MultiGauge.builder("ltsa.process.restarts")
                .description("Restarts of an office server process by its supervisor since the supervisor started")
                .register(registry);
        this.running = MultiGauge.builder("ltsa.process.running")
                .description("1 while the supervisor sees the process running, 0 while it is dead or restarting")
                .register(registry);
    }

    public ProcessRestarts current() {
        if (file.isEmpty()) {
            return ProcessRestarts.unsupervised();
        }
        try {
            return SupervisionFileReader.read(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the supervisor's file " + file.get(), e);
        }
    }

    /** Processes are named by the file, so their series are rewritten rather than registered once. */
    @Scheduled(every = "${ltsa.metrics.office-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshMetrics() {
        if (file.isEmpty()) {
            return;
        }
        ProcessRestarts now = current();
        restarts.register(
                now.processes().stream()
                        .map(process -> MultiGauge.Row.of(Tags.of("process", process.name()), process.restarts()))
                        .toList(),
                true);
        running.register(
                now.processes().stream()
                        .map(process -> MultiGauge.Row.of(
                                Tags.of("process", process.name()), "RUNNING".equals(process.state()) ? 1 : 0))
                        .toList(),
                true);
    }
}
