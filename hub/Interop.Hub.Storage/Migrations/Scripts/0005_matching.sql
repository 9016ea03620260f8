-- Deduplication: the blocking-key index, name frequencies of the stock, the review queue, operators' decisions and merges.

-- Blocking keys hold personal data (names, birth dates, NIR): only their
-- SHA-256 is stored. A check is a few index look-ups, never a scan.
CREATE TABLE identity_keys (
    key_hash  bytea NOT NULL,
    number    text NOT NULL REFERENCES applications (number),
    PRIMARY KEY (key_hash, number)
);

CREATE INDEX identity_keys_number ON identity_keys (number);

-- How common each normalised surname and first name is in the stock, so that
-- agreeing on "MARTIN" weighs less than agreeing on "LEFRANCOIS".
CREATE TABLE name_counts (
    kind   text NOT NULL CHECK (kind IN ('surname', 'first_name', 'people')),
    name   text NOT NULL,
    count  bigint NOT NULL,
    PRIMARY KEY (kind, name)
);

CREATE TABLE review_items (
    review_item_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_number  text NOT NULL REFERENCES applications (number),
    candidate_number    text NOT NULL REFERENCES applications (number),
    departement         text NOT NULL,
    score               double precision NOT NULL,
    fields              jsonb NOT NULL,
    explanation         text NOT NULL,
    state               text NOT NULL CHECK (state IN ('open', 'same_household', 'different_households', 'unmerged')),
    decided_by          text,
    survivor            text,
    created_at          timestamptz NOT NULL,
    decided_at          timestamptz
);

CREATE INDEX review_items_open ON review_items (departement, review_item_id) WHERE state = 'open';
CREATE UNIQUE INDEX review_items_one_open_per_pair
    ON review_items (LEAST(application_number, candidate_number), GREATEST(application_number, candidate_number))
    WHERE state = 'open';

-- Pairs an operator declared "not the same household": never proposed again.
CREATE TABLE declared_distinct (
    low_number   text NOT NULL,
    high_number  text NOT NULL,
    declared_by  text NOT NULL,
    declared_at  timestamptz NOT NULL,
    PRIMARY KEY (low_number, high_number),
    CHECK (low_number < high_number)
);

-- Merges, so that they can be undone.
CREATE TABLE merges (
    absorbed_number  text PRIMARY KEY REFERENCES applications (number),
    survivor_number  text NOT NULL REFERENCES applications (number),
    review_item_id   bigint REFERENCES review_items (review_item_id),
    merged_by        text NOT NULL,
    merged_at        timestamptz NOT NULL
);
