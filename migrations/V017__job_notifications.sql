-- Outbound notifications: an administrator registers endpoints, and each job that ends is POSTed,
-- signed, to every endpoint whose filters it matches. A delivery is stored in the job's end path
-- and sent later by a db-scheduler execution (one per delivery, picked by one node), so a slow or
-- absent receiver never holds a job up.

CREATE TABLE notification_endpoints (
    id            BIGINT PRIMARY KEY,
    url           VARCHAR(2000) NOT NULL,
    -- the HMAC key of X-Sweep-Signature; kept as it is (HMAC needs it), shown once, never listed
    secret        VARCHAR(200) NOT NULL,
    description   VARCHAR(255),
    -- filters: comma-separated rule ids, module API names, final statuses; NULL matches any
    rules         VARCHAR(2000),
    modules       VARCHAR(2000),
    statuses      VARCHAR(100),
    created_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    BIGINT,
    -- a deleted endpoint keeps its deliveries readable until they are gone; it receives nothing more
    deleted_time  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE notification_deliveries (
    id                BIGINT PRIMARY KEY,
    endpoint_id       BIGINT NOT NULL REFERENCES notification_endpoints (id),
    job_id            BIGINT NOT NULL,
    -- PENDING until a 2xx answer (DELIVERED) or the last attempt failed (FAILED)
    status            VARCHAR(20) NOT NULL,
    -- the event as it was when the job ended; every attempt sends these bytes
    payload           VARCHAR(100000) NOT NULL,
    attempts          INT DEFAULT 0 NOT NULL,
    created_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_time TIMESTAMP WITH TIME ZONE,
    delivered_time    TIMESTAMP WITH TIME ZONE,
    -- one delivery per job and endpoint, whichever node saw the job end first
    CONSTRAINT notification_deliveries_once UNIQUE (endpoint_id, job_id)
);
CREATE INDEX notification_deliveries_endpoint_idx ON notification_deliveries (endpoint_id, id);

CREATE TABLE notification_attempts (
    delivery_id    BIGINT NOT NULL REFERENCES notification_deliveries (id),
    attempt_no     INT NOT NULL,
    attempt_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the receiver's HTTP status, NULL when there was no answer (refused, timed out)
    http_status    INT,
    -- the start of the answer's body, or why there was no answer
    response       VARCHAR(1000),
    node           VARCHAR(200),
    PRIMARY KEY (delivery_id, attempt_no)
);
