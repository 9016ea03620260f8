-- The sample landlord ERP of the SQL reference adapter: its households' files (dossiers) in its own
-- shape and with its own codes. A real ERP has its own tables; the adapter's translator and the
-- outbox trigger are what an integrator rewrites for them.
CREATE SCHEMA IF NOT EXISTS erp;

CREATE TABLE IF NOT EXISTS erp.dossiers (
    reference            text PRIMARY KEY,                  -- the ERP's own key: D-000042 typed here, H-{number} received from the hub
    origine              text NOT NULL DEFAULT 'LOCAL' CHECK (origine IN ('LOCAL', 'HUB')),
    numero_unique        text,                              -- the hub's number once known
    civilite             text NOT NULL,                     -- MME, M
    nom                  text NOT NULL,
    prenom               text NOT NULL,
    date_naissance       date,
    commune_naissance    text,                              -- INSEE code
    nationalite          text,                              -- FRA, CEE, ETR
    situation_familiale  text,                              -- CEL, MAR, DIV, SEP, PAC
    logement_actuel      text,                              -- LOCPRIVE, LOCSOCIAL, HEBERGE, HOTEL, RUE
    motif                text,                              -- SL (sans logement), DV (divorce)
    revenu_mensuel       integer,                           -- euros
    departement          text NOT NULL,
    typologie            text,                              -- F1 … F5
    commune_souhaitee    text,                              -- INSEE code
    courriel             text,
    statut               text NOT NULL DEFAULT 'EN_COURS' CHECK (statut IN ('EN_COURS', 'RADIE', 'EFFACE', 'FUSIONNE')),
    motif_radiation      text,                              -- ABANDON, ATTRIB, NONRENOUV, IRREC, SANSREP
    renouvele_le         date,                              -- set by the desk when the household renews
    revision_hub         bigint,                            -- the hub's revision last written here
    modifie_le           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS dossiers_numero_unique ON erp.dossiers (numero_unique);
CREATE SEQUENCE IF NOT EXISTS erp.dossier_reference;

-- The current dwelling's facts, added after the first installs: ADD COLUMN IF NOT EXISTS upgrades an ERP
-- installed before, and a row without them (NULL) is a household whose facts are unknown, not zero.
ALTER TABLE erp.dossiers ADD COLUMN IF NOT EXISTS pieces_principales integer;   -- main rooms of the dwelling lived in now, 1 to 20
ALTER TABLE erp.dossiers ADD COLUMN IF NOT EXISTS loyer_mensuel integer;        -- its rent with charges, whole euros a month (0: lodged free)

-- The leases the landlord signs (baux), as its lease module records them, in the ERP's own codes. A lease
-- names its household by dossier, or by the hub's number when the lease module only knows that; no foreign
-- key, since the lease module is often fed apart from the demand desk (the adapter dead-letters a lease
-- whose household the hub does not hold through this ERP).
CREATE TABLE IF NOT EXISTS erp.baux (
    id                 bigserial PRIMARY KEY,
    dossier_reference  text,                                -- the household's dossier (erp.dossiers.reference)...
    numero_unique      text,                                -- ...or its hub number
    logement           text NOT NULL,                       -- the dwelling's RPLS id
    commune            text NOT NULL,                       -- INSEE code of the dwelling's commune
    typologie          text NOT NULL,                       -- F1 … F5
    reservataire       text NOT NULL DEFAULT 'AUCUN',       -- the contingent the lease names: AUCUN, COMMUNE, ACTION_LOGEMENT, PREFET, FONCTIONNAIRES, AUTRE
    accord_collectif   text NOT NULL DEFAULT 'AUCUN',       -- AUCUN, ACD (départemental), ACI (intercommunal)
    date_effet         date NOT NULL,                       -- the lease's start date
    dalo               boolean NOT NULL DEFAULT false,      -- rehoused as a DALO priority
    cree_le            timestamptz NOT NULL DEFAULT now(),
    CHECK (dossier_reference IS NOT NULL OR numero_unique IS NOT NULL)
);
