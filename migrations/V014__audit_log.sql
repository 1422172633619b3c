-- Who did what: sign-ins, tokens, users, rule files, webhook secrets, jobs and webhook deliveries.
-- Rows are only ever inserted: nothing in Sweep updates or deletes them, and no route offers to.
-- The table is in the shared database, so an entry written by any node is seen from every node.

CREATE TABLE audit_log (
    id             BIGINT PRIMARY KEY,
    event_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the signed-in user who acted; NULL for the command line, the rules folder, a webhook, a schedule
    actor_user_id  BIGINT,
    -- the user's e-mail, or 'cli', 'disk', 'webhook:<rule>', 'schedule:<rule>'
    actor_label    VARCHAR(255) NOT NULL,
    -- e.g. 'session.sign_in', 'token.create', 'rule.change', 'job.start', 'webhook.refuse'
    kind           VARCHAR(50) NOT NULL,
    -- what the entry concerns, typed: 'user:<id>', 'token:<id>', 'rule:<id>', 'job:<id>'
    subject        VARCHAR(255),
    -- a JSON object of what else is known (a rule change carries its unified diff)
    details        VARCHAR(1000000),
    remote_address VARCHAR(100)
);
CREATE INDEX audit_log_time_idx ON audit_log (event_time);
CREATE INDEX audit_log_kind_idx ON audit_log (kind, event_time);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_label, event_time);
CREATE INDEX audit_log_subject_idx ON audit_log (subject, event_time);
