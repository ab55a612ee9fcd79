package id.ltsa.relay.contracts;

/** One CloudEvents type: its name, the topic it travels on and the record that carries its data. */
public record EventType<T>(String name, String topic, Class<T> dataClass) {
}
