-- Browser sessions of the admin UI and the failed logins that throttle password guessing.
-- Both live in the database so every node agrees: a session started on one node is valid on
-- all, and failures counted on one node count on all.

CREATE TABLE sessions (
    -- SHA-256 of the cookie's value; the value itself is only ever in the browser
    id_hash        CHAR(64) PRIMARY KEY,
    user_id        BIGINT NOT NULL REFERENCES users (id),
    -- sent back in X-CSRF-Token on every state change; useless without the cookie
    csrf_token     CHAR(64) NOT NULL,
    created_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_time TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_time);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- One row per wrong email/password; rows older than the throttling window are deleted lazily.
CREATE TABLE login_failures (
    id             BIGINT PRIMARY KEY,
    -- lower case, as typed (also for e-mails no user has, so guessing them is throttled too)
    email          VARCHAR(255) NOT NULL,
    client_address VARCHAR(100) NOT NULL,
    failed_time    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_time);
CREATE INDEX login_failures_address_idx ON login_failures (client_address, failed_time);
