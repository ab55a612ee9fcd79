-- The link to the central API as all instances see it: one row. Probes are claimed here so that, however many
-- instances run, a dead link gets one probe per interval, not one per instance or per application.
CREATE TABLE central_link (
    id            INT         PRIMARY KEY CHECK (id = 1),
    state         TEXT        NOT NULL,
    since         TIMESTAMPTZ NOT NULL,
    last_error    TEXT,
    next_probe_at TIMESTAMPTZ NOT NULL,
    paused        BOOLEAN     NOT NULL DEFAULT FALSE
);

INSERT INTO central_link (id, state, since, next_probe_at) VALUES (1, 'UP', now(), now());
