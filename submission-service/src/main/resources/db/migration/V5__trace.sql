-- The W3C traceparent of the event that queued the application: the central call made hours or days later continues
-- the office's trace.
ALTER TABLE submission ADD COLUMN traceparent TEXT;
