package id.ltsa.relay.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;

/** The current mode, switched by ops or tests through /sim/mode. */
@ApplicationScoped
public class ModeSwitch {

    private volatile ModeSettings settings = ModeSettings.NORMAL;

    public ModeSettings current() {
        return settings;
    }

    public void set(ModeSettings settings) {
        this.settings = settings;
    }

    public boolean isDown() {
        return settings.mode() == SimulatorMode.DOWN;
    }

    /** In FLAKY mode, whether this request is one of the unlucky fraction. */
    public boolean failsThisTime() {
        return settings.mode() == SimulatorMode.FLAKY
                && ThreadLocalRandom.current().nextDouble() < settings.failureRate();
    }
}
