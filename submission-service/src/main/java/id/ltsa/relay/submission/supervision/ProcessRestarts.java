package id.ltsa.relay.submission.supervision;

import java.time.Instant;
import java.util.List;

/**
 * The office server's processes as its supervisor sees them: restarts counted since the supervisor started, and
 * whether each runs now. {@code supervisedBy} is {@code null} when nothing told this service where the supervisor
 * writes (a developer's single service, or a server whose supervisor was not set up).
 */
public record ProcessRestarts(String supervisedBy, Instant updatedAt, List<Process> processes) {

    public static ProcessRestarts unsupervised() {
        return new ProcessRestarts(null, null, List.of());
    }

    /**
     * @param state RUNNING, WAITING (dead, restart due at nextAttemptAt), RESTARTING or STOPPED (on purpose)
     */
    public record Process(String name, String state, int restarts, Instant lastDownAt, Instant lastRestartAt,
            Instant nextAttemptAt) {
    }
}
