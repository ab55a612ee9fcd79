package id.ltsa.relay.simulator;

/** The body of PUT /sim/mode. */
public record ModeSettings(SimulatorMode mode, long latencyMs, double failureRate, long retryAfterSeconds) {

    public static final ModeSettings NORMAL = new ModeSettings(SimulatorMode.UP, 0, 0.0, 0);

    public ModeSettings {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required: UP, DOWN, SLOW, FLAKY or REJECT_ALL");
        }
        if (latencyMs < 0 || failureRate < 0 || failureRate > 1 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("latencyMs and retryAfterSeconds must be >= 0, failureRate within 0..1");
        }
    }
}
