-- The backlog once a minute, for the ops dashboard's charts (24 hours and 14 days). One row per minute whichever
-- instance sampled it; rows older than ltsa.ops.backlog-history-keep (14 days) are deleted as new ones come.
CREATE TABLE backlog_sample (
    sampled_at                 TIMESTAMPTZ PRIMARY KEY,
    pending                    INTEGER     NOT NULL,
    delayed                    INTEGER     NOT NULL,
    oldest_pending_age_seconds BIGINT      NOT NULL,
    link_up                    BOOLEAN     NOT NULL
);
