-- The ids of central callbacks already taken (X-Callback-Id), so a callback captured and sent again inside its
-- timestamp's tolerance changes nothing. Kept twice the tolerance: past it the timestamp alone refuses the callback.
CREATE TABLE callback_seen (
    callback_id TEXT        PRIMARY KEY,
    seen_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX callback_seen_seen_at ON callback_seen (seen_at);
