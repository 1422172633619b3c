-- A dry run of a rule: a job that goes through its whole selection as a run does and writes no
-- record. Its results are what a run would have done; record history leaves it out and nothing
-- undoes it.
ALTER TABLE jobs ADD COLUMN dry_run BOOLEAN NOT NULL DEFAULT FALSE;
