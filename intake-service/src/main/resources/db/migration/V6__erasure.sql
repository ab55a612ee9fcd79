-- UU 27/2022: an applicant's personal data is erased after the retention that follows a final status, or when the
-- ministry asks. What stays says only that an application existed, where, for what, and how it went.
ALTER TABLE application ALTER COLUMN nik DROP NOT NULL;
ALTER TABLE application ALTER COLUMN full_name DROP NOT NULL;
ALTER TABLE application ALTER COLUMN birth_date DROP NOT NULL;
ALTER TABLE application ALTER COLUMN gender DROP NOT NULL;
ALTER TABLE application ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE application ADD COLUMN personal_data_erased_at TIMESTAMPTZ;

-- what the retention job looks for: final, not yet erased, oldest first
CREATE INDEX application_to_erase ON application (updated_at)
    WHERE personal_data_erased_at IS NULL AND status IN ('ISSUED', 'REJECTED', 'WITHDRAWN');
