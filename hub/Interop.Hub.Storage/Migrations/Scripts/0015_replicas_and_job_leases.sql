-- Several hub replicas run on one database (issue 15).
--
-- job_leases: a periodic job runs once per interval across every replica, not
-- once per replica: a replica runs it only after moving its row's due_at past
-- now, in one statement, so of replicas ticking together exactly one wins. A
-- replica that dies mid-run leaves the row as it was; the job runs again at
-- the next due time on whichever replica ticks first (every job is idempotent).
CREATE TABLE job_leases (
    job         text        PRIMARY KEY,
    due_at      timestamptz NOT NULL,
    holder      text        NOT NULL,
    started_at  timestamptz NOT NULL
);

-- hub_replicas: the live replicas, each refreshing its row every few seconds,
-- so that each takes its share (1/N) of an organisation's rate budget. A
-- replica stopped gracefully deletes its row; a killed one stops counting once
-- its row is older than the liveness window (its share then goes to the others).
CREATE TABLE hub_replicas (
    instance_id text        PRIMARY KEY,
    seen_at     timestamptz NOT NULL
);
