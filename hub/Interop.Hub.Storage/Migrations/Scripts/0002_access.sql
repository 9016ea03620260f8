-- Organisations, their credentials, and the audit trail of personal-data access.

CREATE TABLE organizations (
    organization_id      text PRIMARY KEY,
    display_name         text NOT NULL,
    kind                 text NOT NULL,
    territory            jsonb NOT NULL DEFAULT '{}',
    stock_commune_codes  text[] NOT NULL DEFAULT '{}',
    revision             bigint NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL
);

-- A desk belongs to one organisation: the desk recorded on an application
-- tells who registered it.
CREATE TABLE registering_desks (
    desk             text PRIMARY KEY,
    organization_id  text NOT NULL REFERENCES organizations (organization_id)
);

CREATE INDEX registering_desks_organization ON registering_desks (organization_id);

-- Only a hash of each secret is kept; the secret is shown once at creation.
CREATE TABLE api_keys (
    key_id           text PRIMARY KEY,
    organization_id  text NOT NULL REFERENCES organizations (organization_id),
    display_name     text NOT NULL,
    secret_hash      bytea NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz,
    revoked_at       timestamptz
);

CREATE INDEX api_keys_organization ON api_keys (organization_id);

-- Who read or changed whose personal data. Append-only: the triggers below
-- refuse every UPDATE, DELETE and TRUNCATE, so not even a bug in the hub can
-- rewrite history.
CREATE TABLE audit_records (
    audit_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    access_time         timestamptz NOT NULL,
    organization_id     text NOT NULL,
    key_id              text,
    application_number  text NOT NULL,
    method              text NOT NULL,
    action              text NOT NULL CHECK (action IN ('read', 'change')),
    peer                text NOT NULL DEFAULT ''
);

CREATE INDEX audit_records_application ON audit_records (application_number, audit_id DESC);
CREATE INDEX audit_records_organization ON audit_records (organization_id, audit_id DESC);

CREATE FUNCTION audit_records_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_records is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_records_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_records_are_append_only();

CREATE TRIGGER audit_records_no_truncate
    BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_records_are_append_only();

-- Erasure keeps non-nominative facts for statistics once personal data are gone.
ALTER TABLE applications ADD COLUMN erased_at timestamptz;
ALTER TABLE applications ADD COLUMN statistics jsonb;
CREATE INDEX applications_radiated_date ON applications (radiation_date) WHERE status = 'radiated';

-- An erased application keeps why and when it was radiated (non-nominative).
ALTER TABLE applications DROP CONSTRAINT applications_check;
ALTER TABLE applications ADD CONSTRAINT applications_radiation_reason_matches_status
    CHECK ((status <> 'radiated' OR radiation_reason IS NOT NULL)
       AND (status IN ('radiated', 'erased') OR radiation_reason IS NULL));
