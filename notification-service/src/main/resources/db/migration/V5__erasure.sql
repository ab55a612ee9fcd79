-- UU 27/2022: when intake erases an applicant's personal data (id.ltsa.application.erased.v1), the contact details
-- kept here to reach them go too; the messages' log (transition, channel, status, when) stays.
ALTER TABLE recipient ALTER COLUMN full_name DROP NOT NULL;
ALTER TABLE recipient ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE recipient ADD COLUMN erased_at TIMESTAMPTZ;
