-- False once the key's personal data was erased (Outbox.forget) while this event still waited for the broker: it is
-- still published, in its place among the key's events, but not kept in outbox_published afterwards, where it would
-- have held the erased data for ltsa.outbox.keep-published.
ALTER TABLE outbox_event ADD COLUMN keep_after_publish BOOLEAN NOT NULL DEFAULT true;
