-- Who did what to which application, as the audit module records it: the token's subject, office and roles, the
-- action, the application's id, the answer's status. Never an applicant's personal data. Append-only: a trigger
-- refuses every UPDATE, DELETE and TRUNCATE, so an entry, once written, stays as it was written.
CREATE TABLE audit_log (
    id             BIGSERIAL   PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    subject        TEXT,
    office_code    TEXT,
    roles          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    application_id UUID,
    outcome        INTEGER     NOT NULL
);
CREATE INDEX audit_log_application ON audit_log (application_id, id) WHERE application_id IS NOT NULL;
CREATE INDEX audit_log_subject ON audit_log (subject, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
