-- The link to the central API as submission-service last announced it on ltsa.central-link (one row), so the counter
-- can tell an applicant "saved; it goes automatically when the connection returns". UNKNOWN until the first event.
CREATE TABLE last_known_link (
    id         INT         PRIMARY KEY CHECK (id = 1),
    state      TEXT        NOT NULL,
    since      TIMESTAMPTZ,
    diagnosis  TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);

INSERT INTO last_known_link (id, state, since, diagnosis, updated_at) VALUES (1, 'UNKNOWN', NULL, NULL, now());
