-- Cotation (scoring, domain §5): which organisation owns the grids of an EPCI,
-- the published versions of each grid (the file as published, byte for byte,
-- so a score can always be explained with the exact text that produced it),
-- and the validations of criteria that count only once someone in a named
-- role confirmed them.

CREATE TABLE cotation_grid_owners (
    organization_id  text NOT NULL REFERENCES organizations (organization_id),
    epci             text NOT NULL CHECK (epci ~ '^[0-9]{9}$'),
    granted_at       timestamptz NOT NULL,
    PRIMARY KEY (organization_id, epci)
);

CREATE TABLE cotation_grid_versions (
    grid_id          text NOT NULL,
    version          integer NOT NULL CHECK (version >= 1),
    epci             text NOT NULL CHECK (epci ~ '^[0-9]{9}$'),
    title            text NOT NULL,
    valid_from       date NOT NULL,
    valid_until      date CHECK (valid_until >= valid_from),
    grid_json        text NOT NULL,
    publisher_id     text NOT NULL REFERENCES organizations (organization_id),
    published_at     timestamptz NOT NULL,
    PRIMARY KEY (grid_id, version),
    -- Two versions of a grid never start the same day; the rest of the
    -- overlap rules are the core's (GridVersions), checked under a lock.
    UNIQUE (grid_id, valid_from)
);

-- One row per validation recorded; the scorer takes the first one by the
-- criterion's role made by the day scored.
CREATE TABLE cotation_validations (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_number  text NOT NULL REFERENCES applications (number),
    grid_id             text NOT NULL,
    criterion_id        text NOT NULL,
    role                text NOT NULL,
    validated_by        text NOT NULL,
    validated_on        date NOT NULL,
    recorder_id         text NOT NULL REFERENCES organizations (organization_id),
    recorded_at         timestamptz NOT NULL
);

CREATE INDEX cotation_validations_by_application ON cotation_validations (application_number, grid_id);
