-- Published events are kept a while (ltsa.outbox.keep-published) after the broker acknowledged them, so one that never
-- reached its consumers (a power cut took the broker's unflushed pages, say) can be published again under the same
-- id: consumers deduplicate by ce_id, so whatever did arrive is not applied twice. A row moves here from outbox_event
-- in the statement that records the acknowledgement.
CREATE TABLE outbox_published (
    event_id     UUID        PRIMARY KEY,
    -- its place in outbox_event when it was last published: events of one key are published again in this order
    seq          BIGINT      NOT NULL,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL,
    traceparent  TEXT,
    published_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX outbox_published_by_key ON outbox_published (message_key, seq);
CREATE INDEX outbox_published_by_age ON outbox_published (published_at);
