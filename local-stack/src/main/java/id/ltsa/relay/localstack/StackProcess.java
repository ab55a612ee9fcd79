package id.ltsa.relay.localstack;

import java.nio.file.Path;

/**
 * What the stack, `ltsa down` and the tests do to any of its long-running processes (a service, a broker, a
 * MirrorMaker, the modem daemon), each of which runs in a {@link LoggedProcess}.
 */
public interface StackProcess {

    LoggedProcess process();

    /** Asks it to stop, as an operator would; kill -9 if it has not after its grace. */
    default void stop() {
        process().stop();
    }

    /** kill -9: no shutdown hooks, nothing in flight committed. */
    default void kill() {
        process().kill();
    }

    default boolean isRunning() {
        return process().isRunning();
    }

    default long pid() {
        return process().pid();
    }

    default Path log() {
        return process().log();
    }
}
