package id.ltsa.relay.intake.disk;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.DiskSpaceMetrics;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The office server's disk, where PostgreSQL and Kafka keep their data. Exported as Micrometer's own
 * {@code disk_free_bytes} and {@code disk_total_bytes} per path (the alerts DiskFillingUp and DiskAlmostFull), and
 * asked by {@link DiskGuard} before each change: below the reserve, intake stops taking changes rather than let
 * PostgreSQL or Kafka run out mid-write.
 */
@ApplicationScoped
public class DiskSpace {

    @ConfigMapping(prefix = "ltsa.disk")
    public interface Config {

        /** Folders on the disks to watch: the office's data (PostgreSQL's and Kafka's). */
        @WithDefault(".")
        List<Path> paths();

        /**
         * Free space kept back: below it, registrations and changes are answered 503 with Retry-After. Room for
         * PostgreSQL's WAL and checkpoints, Kafka's next segment, and the transactions already under way.
         */
        @WithDefault("256M")
        MemorySize reserve();
    }

    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final Config config;
    private final Clock clock;
    private volatile long lowestFree = Long.MAX_VALUE;
    private volatile Instant readAt = Instant.MIN;

    DiskSpace(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        for (Path path : config.paths()) {
            new DiskSpaceMetrics(path.toFile()).bindTo(registry);
        }
        io.micrometer.core.instrument.Gauge.builder("ltsa.intake.disk.refusing", this, d -> d.belowReserve() ? 1 : 0)
                .description("1 while the disk is below ltsa.disk.reserve and intake answers changes with 503")
                .register(registry);
    }

    /** Whether the fullest watched disk has less free than the reserve; read at most every 2 s. */
    public boolean belowReserve() {
        return lowestFree() < config.reserve().asLongValue();
    }

    long lowestFree() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            long lowest = Long.MAX_VALUE;
            for (Path path : config.paths()) {
                try {
                    lowest = Math.min(lowest, Files.getFileStore(path).getUsableSpace());
                } catch (IOException e) {
                    // a path that cannot be read says nothing about the space; the others still count
                }
            }
            lowestFree = lowest;
            readAt = now;
        }
        return lowestFree;
    }
}
