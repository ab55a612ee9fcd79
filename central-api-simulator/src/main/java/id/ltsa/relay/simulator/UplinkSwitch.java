package id.ltsa.relay.simulator;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The office's uplink played by the simulator itself, for machines where the local stack cannot cut a real one (no
 * network namespaces without root): while cut, the central API and the gateway drop every connection unanswered.
 * The SMTP sink keeps accepting mail, so this stand-in is weaker than a real cut; the local stack says so.
 */
@ApplicationScoped
public class UplinkSwitch {

    public record Settings(boolean cut) {}

    private volatile boolean cut;

    public Settings current() {
        return new Settings(cut);
    }

    public void set(Settings settings) {
        this.cut = settings != null && settings.cut();
    }

    boolean isCut() {
        return cut;
    }
}
