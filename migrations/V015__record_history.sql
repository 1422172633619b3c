-- A record's history is every write Sweep made to it. A job's writes are in job_records already
-- (its before and after values, committed with the chunk), so they are read from there, found
-- by record through the index below. The writes no job keeps (a mass update or change owner by
-- ids, the records API's create and update) are written here, in the transaction of the write.

CREATE INDEX job_records_record_idx ON job_records (record_id);

-- A record's version moves by one with every write, so (record_id, version_after) names one
-- write: the key needs no id drawn from the sequence, and it is the lookup by record too.
CREATE TABLE record_history (
    module_id     BIGINT NOT NULL REFERENCES modules (id),
    record_id     BIGINT NOT NULL,
    change_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- what wrote it: a mass update by ids, a change owner, the records API's insert or update
    action        VARCHAR(20) NOT NULL CHECK (action IN ('mass_update', 'change_owner', 'create', 'update')),
    -- who called, and so whose rights it ran with
    user_id       BIGINT NOT NULL REFERENCES users (id),
    -- {field api name: value} before (NULL for a create) and after, JSON text as job_records keeps it
    before_values VARCHAR(100000),
    after_values  VARCHAR(100000) NOT NULL,
    version_after INT NOT NULL,
    PRIMARY KEY (record_id, version_after)
);
