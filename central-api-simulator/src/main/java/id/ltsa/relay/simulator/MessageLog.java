package id.ltsa.relay.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Messages accepted by the simulated gateway, in arrival order. */
@ApplicationScoped
public class MessageLog {

    /** One accepted message; {@code traceparent} is the W3C trace the call carried. */
    public record Sent(
            String to, String channel, String text, String messageId, Instant receivedAt, String traceparent) {}

    private final Clock clock;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Sent> byIdempotencyKey = new HashMap<>();

    MessageLog(Clock clock) {
        this.clock = clock;
    }

    public synchronized Sent record(String idempotencyKey, String to, String channel, String text, String traceparent) {
        if (idempotencyKey != null && byIdempotencyKey.containsKey(idempotencyKey)) {
            return byIdempotencyKey.get(idempotencyKey);
        }
        Sent message = new Sent(to, channel, text, "msg-" + UUID.randomUUID(), clock.instant(), traceparent);
        sent.add(message);
        if (idempotencyKey != null) {
            byIdempotencyKey.put(idempotencyKey, message);
        }
        return message;
    }

    public synchronized List<Sent> sentTo(String to) {
        return sent.stream()
                .filter(message -> to == null || to.equals(message.to()))
                .toList();
    }

    public synchronized void clear() {
        sent.clear();
        byIdempotencyKey.clear();
    }
}
