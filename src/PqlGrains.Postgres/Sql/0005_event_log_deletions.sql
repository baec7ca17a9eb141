-- PqlGrains schema 5: retention and erasure delete rows from pql_event_log, so MAX(seq) alone could fall and a
-- partition would hand out a sequence a user grain already counted. The highest sequence ever deleted per
-- partition is kept here; a partition's last sequence is the greater of it and the highest row left.
CREATE TABLE IF NOT EXISTS pql_event_log_deleted
(
    partition       integer     NOT NULL,
    max_deleted_seq bigint      NOT NULL,
    deleted_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_pql_event_log_deleted PRIMARY KEY (partition)
);
