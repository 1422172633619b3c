-- A job's selection is frozen as one row per chunk instead of one row per record: the chunk's
-- record ids, in id order, as text ("17,18,23"). Freezing 50,000 records is then 100 rows, not
-- 50,000 rows in an indexed table (most of the wait before a big job's POST answered), and a
-- record's result row is inserted once, when its chunk commits, instead of inserted PENDING at
-- the freeze and updated then.
--   record_ids     the chunk's records that have no result yet: all of them until the chunk
--                  commits their results (then NULL); a chunk closed unrun (its job was cancelled
--                  or failed) keeps them, so the records a job never reached stay listable
--   record_count   how many records the chunk holds (its results, or its ids)
--   last_record_id the chunk's highest id: chunks hold consecutive runs of the selection, so a
--                  record is found in the first chunk whose last id is not below it
ALTER TABLE job_chunks ADD COLUMN record_ids VARCHAR(1000000);
ALTER TABLE job_chunks ADD COLUMN record_count INT NOT NULL DEFAULT 0;
ALTER TABLE job_chunks ADD COLUMN last_record_id BIGINT;

-- jobs frozen before: their PENDING result rows become their chunks' ids
UPDATE job_chunks SET
    record_count = (SELECT COUNT(*) FROM job_records r WHERE r.job_id = job_chunks.job_id AND r.chunk_no = job_chunks.chunk_no),
    last_record_id = (SELECT MAX(r.record_id) FROM job_records r WHERE r.job_id = job_chunks.job_id AND r.chunk_no = job_chunks.chunk_no),
    record_ids = (SELECT STRING_AGG(CAST(r.record_id AS VARCHAR(20)), ',' ORDER BY r.record_id) FROM job_records r
                  WHERE r.job_id = job_chunks.job_id AND r.chunk_no = job_chunks.chunk_no AND r.status = 'PENDING');
DELETE FROM job_records WHERE status = 'PENDING';
