-- The feed's sequencer as one statement, numbering in commit order (see Feed/FeedSequencer.cs).
--
-- It ran as five round trips on the path of every delivery (the lock with the
-- snapshot's xmin, the batch, the numbering, the commit, then the NOTIFY and
-- the held-back check); under load each round trip waits for a core on both
-- sides. Called on its own (autocommit), this function is one round trip and
-- one commit, with the NOTIFY to the other hub processes sent by that commit.
--
-- It no longer waits for older transactions (the xmin horizon): a committed
-- change is numbered by the next run, whatever is still open. Measured with
-- the feed benchmark, that wait was most of commit → delivery: four writers
-- of one desk queue on its number counter, so a change committed first often
-- waited for an older writer's whole critical section.
CREATE FUNCTION feed_sequence(
    batch_size integer,
    notify_channel text,
    notify_payload text,
    OUT numbered integer,
    OUT occurred_times timestamptz[],
    OUT pending boolean)
LANGUAGE plpgsql AS $$
DECLARE
    slots bigint[];
    head_before bigint;
BEGIN
    numbered := 0;
    occurred_times := '{}';

    -- One sequencer at a time across all hub processes: tried, never waited for.
    -- 0x1A7E0002, the key the sequencer has used since the feed began. A run
    -- that takes it after another run's commit sees that run's numbers: the
    -- lock is released only once that commit is visible, and each statement
    -- below takes its own snapshot (READ COMMITTED).
    IF NOT pg_try_advisory_xact_lock(444465154) THEN
        pending := EXISTS (SELECT 1 FROM changes WHERE change_seq IS NULL);
        RETURN;
    END IF;

    -- The batch: the first committed changes not yet numbered, in insert
    -- (position) order. A change of a transaction still open is not visible
    -- here and is numbered by the run after its commit. Each application's
    -- slots then take its changes in revision order: a writer of revision r+1
    -- waited for the commit of revision r (the application's row lock, the
    -- unique revision) before inserting, so this only guards the rule.
    WITH batch AS (
        SELECT position, application_number, revision, row_number() OVER (ORDER BY position) AS slot
        FROM (
            SELECT position, application_number, revision
            FROM changes
            WHERE change_seq IS NULL
            ORDER BY position
            LIMIT batch_size
        ) first
    ),
    ranked AS (
        SELECT position, application_number, slot,
               row_number() OVER (PARTITION BY application_number ORDER BY slot) AS nth_slot,
               row_number() OVER (PARTITION BY application_number ORDER BY revision) AS nth_revision
        FROM batch
    )
    SELECT array_agg(by_revision.position ORDER BY by_slot.slot)
    INTO slots
    FROM ranked by_slot
    JOIN ranked by_revision
      ON by_revision.application_number = by_slot.application_number AND by_revision.nth_revision = by_slot.nth_slot;

    IF slots IS NOT NULL THEN
        -- The head moves and the rows are numbered after it; the feed_state
        -- row's lock orders sequencers even without the advisory lock.
        UPDATE feed_state SET last_seq = last_seq + cardinality(slots) WHERE id = 1
        RETURNING last_seq - cardinality(slots) INTO head_before;

        WITH numbered_rows AS (
            UPDATE changes SET change_seq = head_before + numbering.ord
            FROM unnest(slots) WITH ORDINALITY AS numbering (position, ord)
            WHERE changes.position = numbering.position
            RETURNING changes.occurred_at
        )
        SELECT count(*), coalesce(array_agg(occurred_at), '{}') INTO numbered, occurred_times FROM numbered_rows;

        -- Sent by this transaction's commit, so no other process reads the page before it is numbered.
        PERFORM pg_notify(notify_channel, notify_payload);
    END IF;

    -- Changes committed since the batch was read (or beyond it): the caller runs again at once.
    pending := EXISTS (SELECT 1 FROM changes WHERE change_seq IS NULL);
END;
$$;
