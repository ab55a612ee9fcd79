-- One row per application: how to reach its applicant (once the contact details have come) and where it stands (the
-- backlog, from V2's application_progress). Every event of an application upserts this row first, which locks it:
-- the application's lock and what the decision needs, in one statement instead of three (a lock, a read and the
-- progress upsert; the performance issue). A status may come before the contact details, so those may be missing.
ALTER TABLE recipient ALTER COLUMN tracking_code DROP NOT NULL;
ALTER TABLE recipient ALTER COLUMN channel DROP NOT NULL;
ALTER TABLE recipient ALTER COLUMN language DROP NOT NULL;
ALTER TABLE recipient ADD COLUMN status TEXT;
ALTER TABLE recipient ADD COLUMN revision INT;
ALTER TABLE recipient ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE recipient ADD COLUMN status_at TIMESTAMPTZ;

INSERT INTO recipient AS r (application_id, office_code, updated_at, status, revision, received_at, status_at)
SELECT application_id, office_code, updated_at, status, revision, received_at, updated_at FROM application_progress
ON CONFLICT (application_id) DO UPDATE SET status = EXCLUDED.status, revision = EXCLUDED.revision,
    received_at = EXCLUDED.received_at, status_at = EXCLUDED.status_at;
-- contact details without a status cannot come from the code that wrote both, but a row must have one
UPDATE recipient SET status = 'RECEIVED', revision = 1, received_at = updated_at, status_at = updated_at
WHERE status IS NULL;

ALTER TABLE recipient ALTER COLUMN status SET NOT NULL;
ALTER TABLE recipient ALTER COLUMN revision SET NOT NULL;
ALTER TABLE recipient ALTER COLUMN received_at SET NOT NULL;
ALTER TABLE recipient ALTER COLUMN status_at SET NOT NULL;
DROP TABLE application_progress;

CREATE INDEX recipient_pending ON recipient (office_code, received_at) WHERE status IN ('RECEIVED', 'QUEUED', 'DELAYED');

-- Moved on by every upsert: a decision tells from it whether the messages it read with the upsert are current.
ALTER TABLE recipient ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
