-- Read models kept current from the sequenced change log (stored scores,
-- pre-aggregated statistics): each one's position in the feed. A projection
-- applies a page of changes and advances its row in the same transaction, so
-- a crash resumes where it stopped and nothing is counted twice; the row lock
-- makes one hub replica at a time work on a projection.
CREATE TABLE projection_checkpoints (
    projection      text PRIMARY KEY,
    checkpoint_seq  bigint NOT NULL DEFAULT 0 CHECK (checkpoint_seq >= 0),
    updated_at      timestamptz NOT NULL
);
