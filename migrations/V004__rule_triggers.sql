-- What starts rules besides a manual run: signed webhooks (one secret per rule) and cron
-- schedules. Both are made exactly-once by primary keys, so several nodes agree.

CREATE TABLE webhook_secrets (
    rule_id         VARCHAR(200) PRIMARY KEY,
    -- the current secret signs and verifies; the previous one still verifies until previous_until,
    -- so senders can switch without a gap
    secret          VARCHAR(200) NOT NULL,
    previous_secret VARCHAR(200),
    previous_until  TIMESTAMP WITH TIME ZONE,
    created_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_time    TIMESTAMP WITH TIME ZONE
);

-- An Idempotency-Key seen for a rule: a repeat within 24 hours answers the first job.
CREATE TABLE webhook_deliveries (
    rule_id         VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    job_id          BIGINT REFERENCES jobs (id),
    created_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (rule_id, idempotency_key)
);

-- A cron fire of a rule, claimed once by whichever node sees it first.
CREATE TABLE rule_fires (
    rule_id   VARCHAR(200) NOT NULL,
    fire_time TIMESTAMP WITH TIME ZONE NOT NULL,
    job_id    BIGINT REFERENCES jobs (id),
    message   VARCHAR(4000),
    PRIMARY KEY (rule_id, fire_time)
);
