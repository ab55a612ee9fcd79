package id.ltsa.relay.localstack.supervision;

import java.time.Instant;

/**
 * What the supervisor knows of one process, as the ops dashboard shows it.
 *
 * @param lastDownAt when it was last found dead, or null
 * @param lastRestartAt when it was last started again, or null
 * @param nextAttemptAt while {@code WAITING}, when it will be started again
 */
public record ProcessStatus(
        String name, State state, int restarts, Instant lastDownAt, Instant lastRestartAt, Instant nextAttemptAt) {

    public enum State {
        /** running as it should */
        RUNNING,
        /** found dead; waiting out its backoff before the next start */
        WAITING,
        /** being started again */
        RESTARTING,
        /** stopped on purpose; left alone */
        STOPPED
    }
}
