-- Installed by `Interop.Adapters.Sql install` into the ERP's database (idempotent: run it again after
-- an upgrade). The transactional outbox of the Debezium outbox pattern, without Kafka: a trigger writes
-- one row per local change of erp.dossiers in the ERP's own transaction, so a change is in the outbox
-- if and only if it committed; the adapter relays the rows to the hub in order.
CREATE SCHEMA IF NOT EXISTS interop;

CREATE TABLE IF NOT EXISTS interop.outbox (
    position           bigserial PRIMARY KEY,               -- insertion order; the change id the request id is derived from
    sequence           bigint UNIQUE,                       -- relay order (the SDK's marker), given once the writing transaction is over
    writer_xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    dossier_reference  text NOT NULL,
    operation          text NOT NULL,                       -- REGISTER, UPDATE, RENEW, RADIATE (erp.dossiers), BAIL (erp.baux)
    changed_fields     text[] NOT NULL DEFAULT '{}',        -- the contract's update mask of an UPDATE
    payload            jsonb NOT NULL,                      -- the dossier as the change left it
    changed_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Replaced on every install, so an outbox installed before BAIL existed accepts it after an upgrade.
ALTER TABLE interop.outbox DROP CONSTRAINT IF EXISTS outbox_operation_check;
ALTER TABLE interop.outbox ADD CONSTRAINT outbox_operation_check CHECK (operation IN ('REGISTER', 'UPDATE', 'RENEW', 'RADIATE', 'BAIL'));

CREATE INDEX IF NOT EXISTS outbox_unsequenced ON interop.outbox (position) WHERE sequence IS NULL;

CREATE OR REPLACE FUNCTION interop.dossier_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    operation text;
    fields text[] := '{}';
BEGIN
    -- The adapter sets this in the transaction that writes the hub's changes back: they are not the
    -- ERP's own changes, and relaying them would echo every change back to the hub.
    IF current_setting('interop.applying_hub_change', true) = 'on' THEN
        RETURN NEW;
    END IF;

    IF TG_OP = 'INSERT' THEN
        operation := 'REGISTER';
    ELSIF NEW.statut = 'RADIE' AND OLD.statut IS DISTINCT FROM 'RADIE' THEN
        operation := 'RADIATE';
    ELSIF NEW.renouvele_le IS DISTINCT FROM OLD.renouvele_le THEN
        operation := 'RENEW';
    ELSE
        IF NEW.revenu_mensuel IS DISTINCT FROM OLD.revenu_mensuel THEN fields := fields || 'resources'::text; END IF;
        IF NEW.logement_actuel IS DISTINCT FROM OLD.logement_actuel THEN fields := fields || 'current_housing'::text; END IF;
        IF NEW.situation_familiale IS DISTINCT FROM OLD.situation_familiale THEN fields := fields || 'family_situation'::text; END IF;
        IF NEW.typologie IS DISTINCT FROM OLD.typologie OR NEW.commune_souhaitee IS DISTINCT FROM OLD.commune_souhaitee THEN
            fields := fields || 'wishes'::text;
        END IF;
        -- Read through to_jsonb: an ERP whose table has no such columns never sends the field.
        IF to_jsonb(NEW) -> 'pieces_principales' IS DISTINCT FROM to_jsonb(OLD) -> 'pieces_principales'
           OR to_jsonb(NEW) -> 'loyer_mensuel' IS DISTINCT FROM to_jsonb(OLD) -> 'loyer_mensuel' THEN
            fields := fields || 'current_dwelling'::text;
        END IF;
        IF cardinality(fields) = 0 THEN
            RETURN NEW;  -- nothing the hub holds changed (a note, the ERP's own columns)
        END IF;
        operation := 'UPDATE';
    END IF;

    INSERT INTO interop.outbox (dossier_reference, operation, changed_fields, payload)
    VALUES (NEW.reference, operation, fields, to_jsonb(NEW));
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS dossiers_outbox ON erp.dossiers;
CREATE TRIGGER dossiers_outbox AFTER INSERT OR UPDATE ON erp.dossiers
    FOR EACH ROW EXECUTE FUNCTION interop.dossier_outbox();

-- A lease signed in the ERP (erp.baux, when the ERP has that table): one BAIL row, which the adapter pushes
-- as an attribution (proposal, CAL, offer, acceptance, lease at the hub). Its dossier_reference is the
-- household's dossier (found by the hub's number when the lease names only that), so the relay orders it
-- behind every earlier change of that dossier: never before the registration it needs.
CREATE OR REPLACE FUNCTION interop.bail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    dossier text;
    applying text := current_setting('interop.applying_hub_change', true);
BEGIN
    IF applying = 'on' THEN
        RETURN NEW;
    END IF;

    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) = to_jsonb(OLD) THEN
        RETURN NEW;  -- nothing changed
    END IF;

    dossier := coalesce(
        NEW.dossier_reference,
        (SELECT d.reference FROM erp.dossiers d WHERE d.numero_unique = NEW.numero_unique ORDER BY d.reference LIMIT 1),
        'numero:' || NEW.numero_unique);
    INSERT INTO interop.outbox (dossier_reference, operation, payload)
    VALUES (dossier, 'BAIL', to_jsonb(NEW) || jsonb_build_object('dossier_reference', dossier));

    -- The household is housed: the ERP closes its file. Not an ERP change to relay (the hub radiates the
    -- application for attribution when it records the lease; a RADIATE pushed first would make the lease
    -- refused as no longer active), so the dossier trigger is off for this one write, then as it was.
    PERFORM set_config('interop.applying_hub_change', 'on', true);
    UPDATE erp.dossiers SET statut = 'RADIE', motif_radiation = 'ATTRIB', modifie_le = now()
    WHERE reference = dossier AND statut = 'EN_COURS';
    PERFORM set_config('interop.applying_hub_change', coalesce(applying, ''), true);
    RETURN NEW;
END
$$;

DO $$
BEGIN
    IF to_regclass('erp.baux') IS NOT NULL THEN
        DROP TRIGGER IF EXISTS baux_outbox ON erp.baux;
        CREATE TRIGGER baux_outbox AFTER INSERT OR UPDATE ON erp.baux FOR EACH ROW EXECUTE FUNCTION interop.bail_outbox();
    END IF;
END
$$;

-- The SDK's state, beside the ERP's tables so the hub's changes are written back in one transaction
-- with the record of their application.
CREATE TABLE IF NOT EXISTS interop.adapter_marker (
    id               boolean PRIMARY KEY DEFAULT true CHECK (id),
    outbound_marker  text NOT NULL
);

CREATE TABLE IF NOT EXISTS interop.links (
    number      text PRIMARY KEY,
    erp_record  text UNIQUE,
    revision    bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS interop.applied_changes (
    change_id   text PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS applied_changes_applied_at ON interop.applied_changes (applied_at);

CREATE TABLE IF NOT EXISTS interop.dead_letters (
    id                uuid PRIMARY KEY,
    dead_lettered_at  timestamptz NOT NULL,
    body              jsonb NOT NULL
);

-- The SDK asks for one ERP record's outbound letters after every change the hub accepts (to remove those
-- the change makes moot), nearly always finding none: an index lookup, not a read of every letter.
CREATE INDEX IF NOT EXISTS dead_letters_erp_record ON interop.dead_letters ((body->>'ErpRecordId'), dead_lettered_at, id);
