-- The W3C traceparent of the request that wrote the event, so the trace continues when the relay publishes it later.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
