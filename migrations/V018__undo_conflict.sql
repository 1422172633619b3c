-- The later write an undo found on a record it left alone (code CONFLICT): which field, when, which
-- job and rule version, who. JSON text, kept with the undo's result so that the results and their
-- CSV name it without reading the record's history again (which goes on growing after the undo).
ALTER TABLE job_records ADD COLUMN conflict VARCHAR(4000);
