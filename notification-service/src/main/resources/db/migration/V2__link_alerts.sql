-- Where each application stands, as far as this service has heard: enough to count the backlog in an outage alert
-- without asking another service over a link that may be the very thing that is down. No personal data.
CREATE TABLE application_progress (
    application_id UUID        PRIMARY KEY,
    office_code    CHAR(4)     NOT NULL,
    status         TEXT        NOT NULL,
    revision       INT         NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX application_progress_pending ON application_progress (office_code, received_at)
    WHERE status IN ('RECEIVED', 'QUEUED', 'DELAYED');

-- The link to the central API as last reported on ltsa.central-link (one row).
CREATE TABLE central_link_view (
    id         INT         PRIMARY KEY CHECK (id = 1),
    state      TEXT        NOT NULL,
    since      TIMESTAMPTZ NOT NULL,
    last_error TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);

-- One email per alert, contact and outage episode (the episode is named by when the link went down): decided before
-- it is sent, so a redelivered link event or a second instance decides nothing new.
CREATE TABLE link_alert (
    id              UUID        PRIMARY KEY,
    kind            TEXT        NOT NULL,
    episode_since   TIMESTAMPTZ NOT NULL,
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT link_alert_once UNIQUE (kind, episode_since, recipient)
);

CREATE INDEX link_alert_due ON link_alert (next_attempt_at) WHERE status = 'PENDING';

INSERT INTO central_link_view (id, state, since, last_error, updated_at)
VALUES (1, 'UNKNOWN', TIMESTAMPTZ '1970-01-01 00:00:00+00', NULL, now());
