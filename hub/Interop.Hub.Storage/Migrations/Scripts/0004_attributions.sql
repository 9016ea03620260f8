-- The attribution path: landlords' proposals of a household for a dwelling,
-- the CAL's decision, the offer and its answer, the signed lease. One row per
-- proposal, moved through its states by AttributionService; the lease columns
-- are what the national registry needs of an attribution (domain §2.4).

CREATE TABLE proposals (
    proposal_id                    uuid PRIMARY KEY,
    application_number             text NOT NULL REFERENCES applications (number),
    landlord_id                    text NOT NULL REFERENCES organizations (organization_id),
    dwelling_id                    text NOT NULL,          -- RPLS identifier
    commune_code                   text NOT NULL,
    typology                       text NOT NULL,
    reservation_holder             text NOT NULL,          -- SNE ListeTypeReservataire
    state                          text NOT NULL CHECK (state IN (
                                       'proposed', 'attributed', 'not_attributed', 'rejected_inadmissible',
                                       'offered', 'offer_accepted', 'offer_refused', 'lease_signed')),
    cal_outcome                    text,
    cal_rank                       smallint CHECK (cal_rank BETWEEN 1 AND 3),
    inadmissibility_reason         text,                   -- SNE IRRRES / IRRSEJ
    cal_decision_date              date,
    notification_date              date,
    offer_date                     date,
    response_deadline              date CHECK (response_deadline >= offer_date + 10),
    offer_answer                   text,
    answer_date                    date,
    refusal_reason                 text,
    lease_date                     date,
    lease_dalo                     boolean,
    collective_agreement           text,                   -- SNE ACD / ACI / AUCUN / NONDOC
    lease_reservation_holder       text,
    -- Set while a rejection for inadmissibility waits for its RADIRR; cleared
    -- once the hub's job settled it.
    inadmissibility_radiation_due  date,
    application_revision           bigint NOT NULL,
    created_at                     timestamptz NOT NULL,
    updated_at                     timestamptz NOT NULL,
    CHECK ((state = 'lease_signed') = (lease_date IS NOT NULL))
);

CREATE INDEX proposals_application ON proposals (application_number, proposal_id);

-- The RADIRR job: proposals whose one-month warning has run out.
CREATE INDEX proposals_inadmissibility_due ON proposals (inadmissibility_radiation_due)
    WHERE inadmissibility_radiation_due IS NOT NULL;

-- A household signs one lease: the safety net behind the application row lock
-- that serialises concurrent leases.
CREATE UNIQUE INDEX proposals_one_lease_per_application ON proposals (application_number)
    WHERE state = 'lease_signed';
