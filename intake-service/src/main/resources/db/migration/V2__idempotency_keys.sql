-- Idempotency keys of POST /api/v1/applications, scoped to the caller's office. A key is IN_FLIGHT while its first
-- request runs and COMPLETED with the 201 it answered; an error answer is never kept, so the key can be retried.
CREATE TABLE idempotency_key (
    office_code     CHAR(4)     NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    state           TEXT        NOT NULL,
    response_status INT,
    response_body   TEXT,
    location        TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (office_code, idempotency_key)
);

CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
