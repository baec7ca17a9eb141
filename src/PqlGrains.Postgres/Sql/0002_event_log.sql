-- PqlGrains schema 2: the partitioned event log. An ingest partition appends events with a
-- contiguous per-partition sequence number; the row is the durability point of an accepted
-- event, and the history that replays, backtests and calibration read.

CREATE TABLE IF NOT EXISTS pql_event_log
(
    partition  integer     NOT NULL,
    seq        bigint      NOT NULL,
    message_id text        NOT NULL,
    user_id    text        NOT NULL,
    payload    bytea       NOT NULL,
    logged_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_pql_event_log PRIMARY KEY (partition, seq)
);

-- A user always hashes to the same partition, so a resent messageId lands in the same
-- partition: this makes a duplicate impossible to log twice.
CREATE UNIQUE INDEX IF NOT EXISTS ux_pql_event_log_message_id ON pql_event_log (partition, message_id);
