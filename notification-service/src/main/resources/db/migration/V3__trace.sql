-- The W3C traceparent of the event that decided the message: the gateway call continues the office's trace.
ALTER TABLE notification ADD COLUMN traceparent TEXT;
