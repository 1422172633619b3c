-- Mass-update jobs: the frozen selection, per-record results with before/after values, and
-- the chunks they run in. A chunk's updates, its results and its DONE mark commit together,
-- which is what makes resume, exact counts and undo simple.

CREATE TABLE jobs (
    id            BIGINT PRIMARY KEY,
    module_id     BIGINT NOT NULL REFERENCES modules (id),
    user_id       BIGINT NOT NULL REFERENCES users (id),
    trigger_type  VARCHAR(20) NOT NULL CHECK (trigger_type IN ('api', 'rule', 'webhook', 'schedule', 'undo')),
    status        VARCHAR(20) NOT NULL CHECK (status IN ('SCHEDULED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    -- what was asked: {"data":[{…}],"over_write":…,"cvid":…,"territory":…} as sent
    request       VARCHAR(100000) NOT NULL,
    cvid          BIGINT REFERENCES custom_views (id),
    rule_id       VARCHAR(200),
    rule_version  VARCHAR(64),
    parameters    VARCHAR(100000),
    undo_of       BIGINT REFERENCES jobs (id),
    -- set while SCHEDULED or RUNNING ('cvid:<id>', 'rule:<id>', 'undo:<job>'): the unique index
    -- lets only one active job per key exist, across every node
    active_key    VARCHAR(200),
    total_count   INT NOT NULL,
    updated_count INT NOT NULL DEFAULT 0,
    failed_count  INT NOT NULL DEFAULT 0,
    chunk_count   INT NOT NULL,
    chunks_done   INT NOT NULL DEFAULT 0,
    message       VARCHAR(4000),
    -- what a rule's script logged (ctx.log, console), bounded
    log           VARCHAR(65536),
    created_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    start_time    TIMESTAMP WITH TIME ZONE,
    end_time      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT jobs_one_active_per_key UNIQUE (active_key)
);
CREATE INDEX jobs_status_idx ON jobs (status);
CREATE INDEX jobs_created_idx ON jobs (created_time);

CREATE TABLE job_chunks (
    job_id    BIGINT NOT NULL REFERENCES jobs (id),
    chunk_no  INT NOT NULL,
    status    VARCHAR(10) NOT NULL CHECK (status IN ('PENDING', 'DONE')),
    done_time TIMESTAMP WITH TIME ZONE,
    -- the node that ran it
    done_by   VARCHAR(200),
    PRIMARY KEY (job_id, chunk_no)
);

CREATE TABLE job_records (
    job_id        BIGINT NOT NULL REFERENCES jobs (id),
    record_id     BIGINT NOT NULL,
    chunk_no      INT NOT NULL,
    status        VARCHAR(10) NOT NULL CHECK (status IN ('PENDING', 'UPDATED', 'FAILED', 'SKIPPED')),
    code          VARCHAR(40),
    message       VARCHAR(1000),
    -- {field api name: value} before and after, JSON text; only for UPDATED
    before_values VARCHAR(100000),
    after_values  VARCHAR(100000),
    version_after INT,
    PRIMARY KEY (job_id, record_id)
);
CREATE INDEX job_records_chunk_idx ON job_records (job_id, chunk_no);

-- db-scheduler's table: chunk executions, shared by every node
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_idx ON scheduled_tasks (priority DESC, execution_time ASC);
