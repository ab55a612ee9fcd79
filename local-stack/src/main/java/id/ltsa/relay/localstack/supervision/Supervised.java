package id.ltsa.relay.localstack.supervision;

import id.ltsa.relay.localstack.StackProcess;
import java.util.function.BooleanSupplier;

/**
 * A process the {@link Supervisor} brings back when it dies.
 *
 * @param name as ops know it: {@code kafka}, {@code intake-service}, {@code postgresql}
 * @param wanted whether it should be running: started, and not stopped on purpose (a stop is not a crash)
 * @param alive whether it is running now
 * @param restart starts it again; may block until it is ready, and throws when it fails to start
 */
public record Supervised(String name, BooleanSupplier wanted, BooleanSupplier alive, Runnable restart) {

    /** One of the stack's own processes: wanted unless {@link StackProcess#stop} stopped it. */
    public static Supervised of(String name, StackProcess process, Runnable restart) {
        return new Supervised(name, () -> process.process().wanted(), process::isRunning, restart);
    }
}
