-- Records a job reached and left alone (a rule's update() returned nothing, an undo found nothing
-- to put back), counted with its chunk like updated and failed. With it a job says how far it got
-- (updated + failed + skipped) apart from what it has not reached yet; both were "not updated".
ALTER TABLE jobs ADD COLUMN skipped_count INT NOT NULL DEFAULT 0;
UPDATE jobs SET skipped_count = (SELECT COUNT(*) FROM job_records r WHERE r.job_id = jobs.id AND r.status = 'SKIPPED');
