-- When the audit (OutboxAudit) last found a published event in the broker's log. Null: not yet looked for since its
-- last publication; the audit reads the topic back a while after publication and publishes again what is missing.
ALTER TABLE outbox_published ADD COLUMN verified_at TIMESTAMPTZ;
CREATE INDEX outbox_published_unverified ON outbox_published (published_at) WHERE verified_at IS NULL;
