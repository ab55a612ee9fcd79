-- The inbox's table: events already applied, by CloudEvents id, so a redelivered event changes nothing.
-- Version 1.1, after the services' own V1: submission's and notification's V1 made this table before the inbox module
-- existed (IF NOT EXISTS leaves theirs as it is); intake's database gets it here. Earlier than their later migrations,
-- so it runs out of order (quarkus.flyway.out-of-order) on a database that has them already.
CREATE TABLE IF NOT EXISTS processed_event (
    event_id     TEXT        PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);
-- the purge forgets ids older than ltsa.inbox.keep-processed
CREATE INDEX IF NOT EXISTS processed_event_age ON processed_event (processed_at);
