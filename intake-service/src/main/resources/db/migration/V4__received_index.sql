-- The reconciliation looks every minute for applications still RECEIVED long after they were published.
CREATE INDEX application_still_received ON application (updated_at) WHERE status = 'RECEIVED';
