-- Applications as registered at an LTSA office counter, with their status as reported by submission-service.
CREATE TABLE application (
    id                  UUID        PRIMARY KEY,
    tracking_code       TEXT        NOT NULL UNIQUE,
    office_code         CHAR(4)     NOT NULL,
    document_type       TEXT        NOT NULL,
    revision            INT         NOT NULL,
    status              TEXT        NOT NULL,
    -- the revision the current status belongs to; status events of older revisions are stale
    status_revision     INT         NOT NULL,
    central_reference   TEXT,
    nik                 CHAR(16)    NOT NULL,
    full_name           TEXT        NOT NULL,
    birth_date          DATE        NOT NULL,
    birth_place         TEXT,
    gender              CHAR(1)     NOT NULL,
    phone               TEXT        NOT NULL,
    email               TEXT,
    preferred_channel   TEXT        NOT NULL,
    language            TEXT        NOT NULL,
    destination_country CHAR(2)     NOT NULL,
    scheme              TEXT        NOT NULL,
    employer_name       TEXT,
    job_title           TEXT,
    p3mi_name           TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL DEFAULT 0
);

CREATE INDEX application_by_office ON application (office_code, created_at DESC);

-- One open application per person and document type, whichever office took it; races end here.
CREATE UNIQUE INDEX application_one_open_per_nik ON application (nik, document_type)
    WHERE status NOT IN ('ISSUED', 'REJECTED', 'WITHDRAWN');

CREATE TABLE status_history (
    id             BIGSERIAL   PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    status         TEXT        NOT NULL,
    reason         TEXT,
    revision       INT         NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);

CREATE INDEX status_history_by_application ON status_history (application_id, id);
