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
