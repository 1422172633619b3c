-- How often a node started a rule chunk, and why its last start did not finish. A chunk whose
-- script brings its node down (or fails) on every start would otherwise be picked up again and
-- again by every node; after two starts that did not finish, the job ends FAILED with the reason.
ALTER TABLE job_chunks ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE job_chunks ADD COLUMN last_error VARCHAR(4000);
