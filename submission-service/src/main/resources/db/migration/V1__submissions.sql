-- One row per application to forward to the central API: the durable retry state. Survives restarts and outages
-- of any length; nothing about a pending send lives only in memory or in Kafka.
CREATE TABLE submission (
    application_id    UUID        PRIMARY KEY,
    tracking_code     TEXT        NOT NULL,
    office_code       CHAR(4)     NOT NULL,
    revision          INT         NOT NULL,
    status            TEXT        NOT NULL,
    -- the snapshot sent to the central API (contains personal data)
    payload           TEXT        NOT NULL,
    central_reference TEXT,
    attempts          INT         NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    -- outage episodes this revision went through; one DELAYED per episode
    episode           INT         NOT NULL DEFAULT 0,
    last_error        TEXT,
    queued_at         TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX submission_due ON submission (next_attempt_at) WHERE status IN ('QUEUED', 'DELAYED');
CREATE INDEX submission_pending_by_age ON submission (queued_at) WHERE status IN ('QUEUED', 'DELAYED');

-- Events already applied, by CloudEvents id: a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     TEXT        PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);
