-- Events written in the same transaction as the state they describe, relayed to Kafka after commit.
-- A row lives only until the broker has acknowledged it.
CREATE TABLE outbox_event (
    seq          BIGSERIAL   PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    payload      TEXT        NOT NULL
);
