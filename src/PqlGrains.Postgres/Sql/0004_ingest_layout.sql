-- PqlGrains schema 4: the ingest partition count the event log is written with. Users hash
-- into partitions and their checkpoints count in their partition's sequence, so the count is
-- fixed for the life of a log; the first silo records it and every later one must match.
CREATE TABLE IF NOT EXISTS pql_ingest_layout
(
    id          boolean     NOT NULL DEFAULT true,
    partitions  integer     NOT NULL CHECK (partitions > 0),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_pql_ingest_layout PRIMARY KEY (id),
    CONSTRAINT ck_pql_ingest_layout_single_row CHECK (id)
);
