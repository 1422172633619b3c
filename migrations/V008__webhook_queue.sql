-- Webhook deliveries that arrive while their rule has a job are queued, not refused: each is a
-- job of its own, SCHEDULED with no selection yet, waiting for the rule's active key. When the
-- rule's job ends, the oldest waiting job takes the key (the unique index on active_key lets only
-- one take it, across every node) and freezes its selection then.
ALTER TABLE jobs ADD COLUMN queued_key VARCHAR(200);
CREATE INDEX jobs_queued_idx ON jobs (queued_key, id);

-- what a delivery's Idempotency-Key was first used with: a repeat with another body is refused
ALTER TABLE webhook_deliveries ADD COLUMN body_sha256 VARCHAR(64);
