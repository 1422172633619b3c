-- History retention (SWEEP_HISTORY_RETENTION_DAYS): the per-record results of a job are removed
-- some days after it ended, and record_history rows some days after their write. The job's own
-- row stays (counts, who, when, for the jobs list and the audit log) and says when its results
-- went: from then on it cannot be undone. The purge marks the job first, under the job row's
-- lock that starting an undo takes too, so an undo either starts before (and the purge leaves
-- the job for later) or is refused.
ALTER TABLE jobs ADD COLUMN results_purged_at TIMESTAMP WITH TIME ZONE;
-- the purge looks for jobs that ended before a date, and history written before one
CREATE INDEX jobs_end_time_idx ON jobs (end_time);
CREATE INDEX record_history_change_time_idx ON record_history (change_time);
