-- Every office the ministry expects (the registry, from configuration) or has heard from (an unregistered one too),
-- with what it last heard and the state that follows from it.
CREATE TABLE office (
    code           CHAR(4)     PRIMARY KEY,
    name           TEXT,
    contacts       TEXT,
    registered     BOOLEAN     NOT NULL,
    last_seen_at   TIMESTAMPTZ,
    link_state     TEXT,
    link_since     TIMESTAMPTZ,
    link_diagnosis TEXT,
    state          TEXT,        -- null until its first evaluation
    state_since    TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Each office's states, oldest first: the page's "silent since", the escalation's episodes, the history in the API.
CREATE TABLE office_state_history (
    id          BIGSERIAL   PRIMARY KEY,
    office_code CHAR(4)     NOT NULL REFERENCES office (code),
    state       TEXT        NOT NULL,
    since       TIMESTAMPTZ NOT NULL
);
CREATE INDEX office_state_history_office ON office_state_history (office_code, since);

-- Each office's applications as their status events reach the ministry: no personal data, enough for the report
-- (counts by status, RECEIVED->SUBMITTED, applications per day) and the backlog at last contact.
CREATE TABLE fleet_application (
    application_id UUID        PRIMARY KEY,
    office_code    CHAR(4)     NOT NULL,
    status         TEXT        NOT NULL,
    revision       INT         NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    submitted_at   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX fleet_application_office ON fleet_application (office_code, received_at);

-- Status events already counted (by CloudEvents id, which MirrorMaker 2 carries over in the headers).
CREATE TABLE processed_event (
    event_id     TEXT        PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);

-- One email per duty contact and episode (an office's SILENT or LINK_DOWN state, named by when it began).
CREATE TABLE escalation (
    id              UUID        PRIMARY KEY,
    office_code     CHAR(4)     NOT NULL,
    state           TEXT        NOT NULL,
    episode_since   TIMESTAMPTZ NOT NULL,
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT escalation_once UNIQUE (office_code, episode_since, recipient)
);
