-- How to reach each applicant: the only personal data here, copied from ltsa.applications.
CREATE TABLE recipient (
    application_id UUID        PRIMARY KEY,
    tracking_code  TEXT        NOT NULL,
    office_code    CHAR(4)     NOT NULL,
    full_name      TEXT        NOT NULL,
    phone          TEXT        NOT NULL,
    email          TEXT,
    channel        TEXT        NOT NULL,
    language       TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- One row per message decided: the decision is recorded before anything is sent, and the unique key makes a second
-- decision for the same transition (a redelivered event) impossible.
CREATE TABLE notification (
    id              UUID        PRIMARY KEY,
    application_id  UUID        NOT NULL,
    office_code     CHAR(4)     NOT NULL,
    transition      TEXT        NOT NULL,
    revision        INT         NOT NULL,
    episode         INT         NOT NULL,
    reason          TEXT,
    channel         TEXT,
    language        TEXT,
    template        TEXT,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT notification_once UNIQUE (application_id, transition, revision, episode)
);

CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE processed_event (
    event_id     TEXT        PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);
