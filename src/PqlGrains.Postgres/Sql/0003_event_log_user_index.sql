-- PqlGrains schema 3: a user grain activating replays its events past its checkpoint
-- (WHERE user_id = ? AND partition = ? AND seq > ?); erasure deletes by user_id.
CREATE INDEX IF NOT EXISTS ix_pql_event_log_user ON pql_event_log (user_id, partition, seq);
