-- The change feed: a dense sequence over the event log, subscriptions and their checkpoints.

-- change_seq is given by the sequencer once every older transaction has
-- finished (see Feed/FeedSequencer.cs); NULL until then.
ALTER TABLE changes ADD COLUMN change_seq bigint UNIQUE;

-- Who may see a change is decided from the application as it was when the
-- change was made, so it holds after later changes and after erasure.
ALTER TABLE changes ADD COLUMN departement text NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN registering_desk text NOT NULL DEFAULT '';
ALTER TABLE changes ADD COLUMN wished_communes text[] NOT NULL DEFAULT '{}';

UPDATE changes c
SET departement = a.departement, registering_desk = a.registering_desk, wished_communes = a.wished_communes
FROM applications a
WHERE a.number = c.application_number;

CREATE INDEX changes_unsequenced ON changes (txid, position) WHERE change_seq IS NULL;
CREATE INDEX changes_occurred_at ON changes (occurred_at);

-- One row: the last change_seq handed out, and the last one pruned by retention.
CREATE TABLE feed_state (
    id                  integer PRIMARY KEY CHECK (id = 1),
    last_seq            bigint NOT NULL,
    pruned_through_seq  bigint NOT NULL
);

INSERT INTO feed_state (id, last_seq, pruned_through_seq) VALUES (1, 0, 0);

CREATE TABLE subscriptions (
    organization_id  text NOT NULL REFERENCES organizations (organization_id),
    subscription_id  text NOT NULL,
    checkpoint_seq   bigint NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (organization_id, subscription_id)
);
