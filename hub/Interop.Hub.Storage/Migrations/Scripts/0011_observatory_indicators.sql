-- The observatory's pre-aggregated indicators (issue 13), kept current from
-- the change log by Observatory/IndicatorProjection.cs in the transaction that
-- advances its checkpoint (projection_checkpoints), and rebuilt from the log by
-- ObservatoryService.RebuildIndicators. Non-nominative: counts by territory
-- and month, and each application's last counted facts.
--
-- Territories are keys: 'F' the whole file, 'D:<département>', 'C:<commune
-- wished>', 'E:<EPCI SIREN>'. Months are the first day of the French calendar
-- month in which the change happened.

-- What the projection last counted of each application, so that its next
-- change takes back exactly what was counted (and a change at or below
-- `revision` is never counted twice).
CREATE TABLE indicator_applications (
    application_number  text PRIMARY KEY,
    revision            bigint NOT NULL,
    active              boolean NOT NULL,
    territories         text[] NOT NULL,
    typology            smallint NOT NULL,
    filed_month         date NOT NULL,
    transfer            boolean NOT NULL,
    priority_household  boolean NOT NULL
);

-- The stock as net movements: the active applications of a territory at the
-- end of month M are the sum of `delta` over months up to M, kept by needed
-- typology, month of filing (seniority) and transfer.
CREATE TABLE indicator_stock (
    territory    text NOT NULL,
    month        date NOT NULL,
    typology     smallint NOT NULL,
    filed_month  date NOT NULL,
    transfer     boolean NOT NULL,
    delta        bigint NOT NULL,
    PRIMARY KEY (territory, month, typology, filed_month, transfer)
);

-- Flows: how many events of each indicator (and dimension: a radiation
-- reason, a typology, a reservation holder, a delay in months) a territory
-- had in a month.
CREATE TABLE indicator_flows (
    territory  text NOT NULL,
    month      date NOT NULL,
    indicator  text NOT NULL,
    dimension  text NOT NULL,
    count      bigint NOT NULL,
    PRIMARY KEY (territory, month, indicator, dimension)
);

-- The time of the last change counted, for `counted_through`.
CREATE TABLE indicator_progress (
    id             integer PRIMARY KEY CHECK (id = 1),
    counted_through timestamptz
);

INSERT INTO indicator_progress (id, counted_through) VALUES (1, NULL);
