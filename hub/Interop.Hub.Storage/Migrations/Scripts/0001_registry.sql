-- The registry of applications and their numbers.

CREATE TABLE applications (
    number                  text PRIMARY KEY,
    departement             text NOT NULL,
    registering_desk        text NOT NULL,
    origin                  text NOT NULL CHECK (origin IN ('registered', 'imported')),
    status                  text NOT NULL CHECK (status IN ('active', 'radiated', 'merged', 'erased')),
    revision                bigint NOT NULL CHECK (revision > 0),
    filed_date              date NOT NULL,
    last_renewed_date       date,
    expiry_date             date NOT NULL,
    radiation_reason        text,
    radiation_date          date,
    warning_letter_date     date,
    inadmissibility_reason  text,
    merged_into             text REFERENCES applications (number),
    -- Personal data: set to NULL by the retention job, one year after radiation.
    household               jsonb,
    -- Copied out of household so that "who wishes commune X" is an index look-up.
    wished_communes         text[] NOT NULL DEFAULT '{}',
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    CHECK ((status = 'radiated') = (radiation_reason IS NOT NULL))
);

CREATE INDEX applications_departement_number ON applications (departement, number);
CREATE INDEX applications_status_number ON applications (status, number);
CREATE INDEX applications_updated_at ON applications (updated_at);
CREATE INDEX applications_wished_communes ON applications USING gin (wished_communes);
-- The renewal job looks for active applications past their expiry.
CREATE INDEX applications_active_expiry ON applications (expiry_date) WHERE status = 'active';

-- One counter per département, month (YYMM) and registering desk. It is
-- incremented in the transaction that inserts the application, so a rolled
-- back registration gives its value back; only an import can leave a hole.
CREATE TABLE number_counters (
    departement  text NOT NULL,
    month        text NOT NULL,
    desk         text NOT NULL,
    last_value   integer NOT NULL CHECK (last_value > 0),
    PRIMARY KEY (departement, month, desk)
);

-- The event log: one row per change, written in the same transaction as the
-- change itself. The change feed streams it; it is the outbox.
CREATE TABLE changes (
    position            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_id           uuid NOT NULL UNIQUE,
    -- The writing transaction, so that a reader can hold back behind
    -- transactions still open instead of skipping their rows.
    txid                xid8 NOT NULL DEFAULT pg_current_xact_id(),
    application_number  text NOT NULL REFERENCES applications (number),
    revision            bigint NOT NULL,
    kind                text NOT NULL,
    actor               text NOT NULL,
    request_id          text,
    occurred_at         timestamptz NOT NULL,
    details             jsonb NOT NULL DEFAULT '{}',
    UNIQUE (application_number, revision)
);

-- Answers to mutations, by caller and request id, so a retried request gets
-- the same answer and changes nothing. Pruned after the retention period.
CREATE TABLE idempotency_keys (
    caller        text NOT NULL,
    request_id    text NOT NULL,
    method        text NOT NULL,
    request_hash  bytea NOT NULL,
    response      bytea,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (caller, request_id)
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
