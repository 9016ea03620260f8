-- The history of every application: one row per revision, written in the
-- transaction of the change (Changes/ChangeLog.cs), kept for as long as the
-- application exists. The `changes` table cannot serve: it is the feed's
-- outbox and is pruned after Interop:ChangeRetention (30 days).
--
-- `facts` holds what the observatory may keep for ever (no name, contact,
-- birth date, income: the facts erasure keeps, domain §8); `household_patch`
-- holds the personal parts of the household this revision changed (all of
-- them at registration) and is set to NULL by the retention job's erasure.

CREATE TABLE application_history (
    application_number  text NOT NULL REFERENCES applications (number),
    revision            bigint NOT NULL CHECK (revision > 0),
    kind                text NOT NULL,
    actor               text NOT NULL,
    occurred_at         timestamptz NOT NULL,
    departement         text NOT NULL,
    registering_desk    text NOT NULL,
    -- NULL on rows copied from changes recorded before this table existed:
    -- who, when and what kind are known, the state is not.
    facts               jsonb,
    household_patch     jsonb,
    PRIMARY KEY (application_number, revision)
);

-- The stock at a date reads the last revision of each application before it.
CREATE INDEX application_history_occurred_at ON application_history (occurred_at);

-- The current state of every application, on its current revision, so that
-- history and as-of states are complete from now on.
INSERT INTO application_history (
    application_number, revision, kind, actor, occurred_at, departement, registering_desk, facts, household_patch)
SELECT a.number, a.revision, COALESCE(c.kind, 'recorded'), COALESCE(c.actor, 'hub:history-migration'),
       COALESCE(c.occurred_at, a.updated_at), a.departement, a.registering_desk,
       jsonb_build_object(
           'status', a.status,
           'filedDate', a.filed_date,
           'lastRenewedDate', a.last_renewed_date,
           'expiryDate', a.expiry_date,
           'radiationReason', a.radiation_reason,
           'radiationDate', a.radiation_date,
           'warningLetterDate', a.warning_letter_date,
           'inadmissibilityReason', a.inadmissibility_reason,
           'mergedInto', a.merged_into,
           'householdSize', COALESCE(
               (a.statistics ->> 'householdSize')::int,
               1 + CASE WHEN jsonb_typeof(a.household -> 'coApplicant') = 'object' THEN 1 ELSE 0 END
                 + jsonb_array_length(COALESCE(a.household -> 'members', '[]'::jsonb))),
           'coApplicant', COALESCE(jsonb_typeof(a.household -> 'coApplicant') = 'object', false),
           'children', (SELECT count(*) FROM jsonb_array_elements(COALESCE(a.household -> 'members', '[]'::jsonb)) m
                        WHERE m ->> 'relationship' = 'Child'),
           'typologies', COALESCE(a.household -> 'wishes' -> 'typologies', a.statistics -> 'typologies', '[]'::jsonb),
           'wishedCommunes', COALESCE(a.household -> 'wishes' -> 'communeCodes', a.statistics -> 'wishedCommunes', '[]'::jsonb)),
       a.household
FROM applications a
LEFT JOIN changes c ON c.application_number = a.number AND c.revision = a.revision;

-- Older changes still in the feed: who, when and what kind, without a state.
INSERT INTO application_history (application_number, revision, kind, actor, occurred_at, departement, registering_desk)
SELECT c.application_number, c.revision, c.kind, c.actor, c.occurred_at, c.departement, c.registering_desk
FROM changes c
ON CONFLICT (application_number, revision) DO NOTHING;
