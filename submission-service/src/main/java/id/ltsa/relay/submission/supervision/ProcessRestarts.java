package id.ltsa.relay.submission.supervision;

import id.ltsa.relay.http.ApiLimits;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The office server's processes as its supervisor sees them: restarts counted since the supervisor started, and
 * whether each runs now. {@code supervisedBy} is {@code null} when nothing told this service where the supervisor
 * writes (a developer's single service, or a server whose supervisor was not set up).
 */
public record ProcessRestarts(
        @Schema(nullable = true, maxLength = ApiLimits.NAME_MAX)
        String supervisedBy,

        @Schema(nullable = true, format = "date-time", maxLength = 35)
        Instant updatedAt,

        @Schema(maxItems = ApiLimits.LIST_MAX) List<Process> processes) {

    public static ProcessRestarts unsupervised() {
        return new ProcessRestarts(null, null, List.of());
    }

    /**
     * @param state RUNNING, WAITING (dead, restart due at nextAttemptAt), RESTARTING or STOPPED (on purpose)
     */
    public record Process(
            @Schema(maxLength = ApiLimits.NAME_MAX) String name,

            @Schema(
                    enumeration = {"RUNNING", "WAITING", "RESTARTING", "STOPPED"},
                    maxLength = 10)
            String state,

            @Schema(format = "int32", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.INT_MAX)
            int restarts,

            @Schema(nullable = true, description = "null until it first went down")
            Instant lastDownAt,

            @Schema(nullable = true, description = "null until it was first restarted")
            Instant lastRestartAt,

            @Schema(nullable = true, description = "Only while WAITING")
            Instant nextAttemptAt) {}
}
