-- The script time a rule job has used so far, summed over its chunks (each chunk adds its own in
-- the transaction that commits its updates), so the per-job budget spans the whole job, across
-- chunks, nodes and restarts.
ALTER TABLE jobs ADD COLUMN script_millis BIGINT NOT NULL DEFAULT 0;

-- a rule's last runs (GET /api/rules) and /api/jobs?rule=
CREATE INDEX jobs_rule_idx ON jobs (rule_id, created_time);
