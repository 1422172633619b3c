-- Who started a job, next to whose rights it ran with (user_id). A manual rule run runs as the
-- rule's runAs user but is started by the person who asked for it, who must see, cancel and
-- undo it. Null when a trigger started the job (a webhook delivery or a rule's schedule).
ALTER TABLE jobs ADD COLUMN started_by BIGINT REFERENCES users (id);

-- jobs started through the API and undo jobs ran with the rights of whoever started them
UPDATE jobs SET started_by = user_id WHERE trigger_type IN ('api', 'undo');

-- the job list of a user who is not an administrator: the jobs they started or that ran as them
CREATE INDEX jobs_started_by_idx ON jobs (started_by, created_time);
