-- Central callbacks name the application by the reference the central API gave it.
CREATE UNIQUE INDEX submission_by_central_reference ON submission (central_reference)
    WHERE central_reference IS NOT NULL;
