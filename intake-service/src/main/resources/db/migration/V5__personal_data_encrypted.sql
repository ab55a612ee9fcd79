-- NIK, phone and email are stored encrypted (Tink AEAD, "v1:<base64>"), so the NIK column is no longer 16 characters;
-- the one-open-application rule compares the NIK's blind index (a keyed hash) instead of the NIK. Rows written before
-- this are encrypted and indexed by intake at its next start (PersonalDataRewrap).
ALTER TABLE application ALTER COLUMN nik TYPE TEXT;
ALTER TABLE application ADD COLUMN nik_index TEXT;

DROP INDEX application_one_open_per_nik;
CREATE UNIQUE INDEX application_one_open_per_nik ON application (nik_index, document_type)
    WHERE status NOT IN ('ISSUED', 'REJECTED', 'WITHDRAWN');
