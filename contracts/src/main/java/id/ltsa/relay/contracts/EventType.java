package id.ltsa.relay.contracts;

import java.util.ArrayList;
import java.util.List;

/**
 * One CloudEvents type: its name, the topic it travels on and the record that carries its data.
 *
 * @param alsoOn further topics that carry the same event for consumers that must not read {@code topic}, e.g. a
 *     withdrawal on {@link Topics#APPLICANT_CONTACTS} for notification-service; empty for most types
 */
public record EventType<T>(String name, String topic, Class<T> dataClass, List<String> alsoOn) {

    public EventType {
        alsoOn = List.copyOf(alsoOn);
    }

    public EventType(String name, String topic, Class<T> dataClass) {
        this(name, topic, dataClass, List.of());
    }

    /** Every topic the event is published on, its own first. */
    public List<String> topics() {
        List<String> all = new ArrayList<>();
        all.add(topic);
        all.addAll(alsoOn);
        return List.copyOf(all);
    }
}
