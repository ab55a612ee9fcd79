package id.ltsa.relay.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Failures the simulated WhatsApp/SMS gateway can play: the whole gateway unavailable (503, a transient failure to
 * retry), numbers that have no WhatsApp account (422 on WhatsApp, a permanent failure that must fall back to SMS) and
 * numbers that reach nobody on any channel (422).
 */
@ApplicationScoped
public class GatewayFaults {

    public record Settings(boolean down, List<String> withoutWhatsapp, List<String> invalidNumbers) {

        public static final Settings NONE = new Settings(false, List.of(), List.of());

        public Settings {
            withoutWhatsapp = withoutWhatsapp == null ? List.of() : List.copyOf(withoutWhatsapp);
            invalidNumbers = invalidNumbers == null ? List.of() : List.copyOf(invalidNumbers);
        }
    }

    private volatile Settings settings = Settings.NONE;
    private volatile Set<String> withoutWhatsapp = Set.of();
    private volatile Set<String> invalidNumbers = Set.of();

    public Settings current() {
        return settings;
    }

    public void set(Settings settings) {
        this.withoutWhatsapp = Set.copyOf(settings.withoutWhatsapp());
        this.invalidNumbers = Set.copyOf(settings.invalidNumbers());
        this.settings = settings;
    }

    boolean down() {
        return settings.down();
    }

    /** Why this number cannot get a message on this channel, or null when it can. */
    String refusal(String phone, String channel) {
        if (invalidNumbers.contains(phone)) {
            return "number does not exist";
        }
        return "WHATSAPP".equals(channel) && withoutWhatsapp.contains(phone)
                ? "recipient has no WhatsApp account"
                : null;
    }
}
