package id.ltsa.relay.outbox;

import java.time.Instant;
import java.util.UUID;

/** One unpublished event as stored. */
record OutboxRow(
        long seq,
        UUID eventId,
        String topic,
        String key,
        String type,
        Instant occurredAt,
        Instant createdAt,
        String payload,
        String traceparent) {}
