-- which job undid a job: asked for every job a list shows (undone_by)
CREATE INDEX jobs_undo_of ON jobs (undo_of);
