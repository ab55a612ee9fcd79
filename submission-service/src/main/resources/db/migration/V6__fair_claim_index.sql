-- Claims take each office's oldest due submissions, and the probe the oldest of all. With an index by office and age
-- both read a few rows per office instead of ranking the whole backlog on every claim, which after a two-week outage
-- (100,000 rows) made every claim a scan of all of them. The index by age alone goes: the planner preferred it for
-- the per-office reads too, and then walked every other office's rows to find one office's oldest.
DROP INDEX submission_pending_by_age;
CREATE INDEX submission_pending_by_office ON submission (office_code, queued_at) WHERE status IN ('QUEUED', 'DELAYED');
