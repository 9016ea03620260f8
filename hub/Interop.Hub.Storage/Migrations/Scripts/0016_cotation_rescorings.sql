-- Territory rescorings (issue 12, review of stop 19): publishing a grid
-- version commits the version and a row here, nothing more; the rescoring job
-- (Cotation/ScoreRefresh) then scores the territory's active stock a page per
-- transaction, each page moving after_number in the same transaction, so a
-- crash mid-way continues after the last page committed. A publication during
-- a rescoring of the same grid starts it again from the first number
-- (requested_at changes). Reads never wait for it: a row serves a day only
-- when its grid_version is the version in force and its fresh_until is after
-- the day; the others are left out and counted.
CREATE TABLE cotation_rescorings (
    grid_id       text        PRIMARY KEY,
    requested_at  timestamptz NOT NULL,
    -- Every active application of the territory up to this number (COLLATE of
    -- applications.number) is rescored; NULL: none yet.
    after_number  text
);
