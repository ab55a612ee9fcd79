-- For the ministry report: when the office received the application (the event's time, not when this service read
-- it) and when the central API accepted it, so time-to-submit can be measured per office.
ALTER TABLE submission ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE submission ADD COLUMN submitted_at TIMESTAMPTZ;
UPDATE submission SET received_at = queued_at;
ALTER TABLE submission ALTER COLUMN received_at SET NOT NULL;
CREATE INDEX submission_submitted_at ON submission (submitted_at) WHERE submitted_at IS NOT NULL;
