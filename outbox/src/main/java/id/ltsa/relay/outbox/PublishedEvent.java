package id.ltsa.relay.outbox;

import java.time.Instant;
import java.util.UUID;

/** An event the broker acknowledged, as {@code outbox_published} keeps it, for the audit to look for. */
record PublishedEvent(UUID eventId, String topic, String key, Instant publishedAt) {}
