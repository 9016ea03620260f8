-- What a hub process may keep of the indicator tables between calls
-- (Storage/Statistics/IndicatorRowCache.cs): a call of GetTerritoryIndicators
-- reads the rows of its whole suppression family (a commune's: 125,000 to
-- 186,000 rows), nearly all of them unchanged since the call before.
--
-- Each territory carries the version of the last transaction that changed
-- any of its rows (IndicatorStore.WriteAsync, in the projection's page
-- transaction, one value of the sequence per transaction): a process that kept
-- a territory's rows with the version it read in the same snapshot knows they
-- are still those of a later snapshot exactly when that snapshot shows the
-- same version. A sequence never gives a value twice, even across a dump and
-- restore (which keeps its position, where transaction ids start again), so
-- two different contents never share a version. No version: unchanged since
-- the generation began (this migration, or the last rebuild).
CREATE SEQUENCE indicator_territory_version;

CREATE TABLE indicator_territory_versions (
    territory  text PRIMARY KEY,
    version    bigint NOT NULL
);

-- The same for each month of a territory: a page of a live hub changes the
-- rows of the current month (and of the month of a late change), so a process
-- that sees a territory's version move reads again only the months whose
-- version moved.
CREATE TABLE indicator_territory_months (
    territory  text NOT NULL,
    month      date NOT NULL,
    version    bigint NOT NULL,
    PRIMARY KEY (territory, month)
);

-- A rebuild empties and refills every table at once: it moves to a new
-- generation (and empties the versions), and a process drops everything it
-- kept from an older one.
ALTER TABLE indicator_progress ADD COLUMN generation bigint NOT NULL DEFAULT 0;

-- The versions hold only if every writer of the counted tables keeps them. A
-- replica still on the code before this migration (a rolling upgrade) would
-- count pages without moving them, and the other replicas would go on serving
-- what they kept. So a writer says in its transaction that it keeps them
-- (IndicatorStore.VersionedWriter); any other write is refused, and the old
-- replica's projection waits, retrying, until it is replaced.
CREATE FUNCTION indicator_versioned_writer_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('interop.indicator_writer', true), '') <> 'versioned' THEN
        RAISE EXCEPTION 'the indicator tables are written only by a hub that keeps their versions (migration 0020): upgrade this replica'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER indicator_stock_versioned_writer_only BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_stock
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_versioned_writer_only();
CREATE TRIGGER indicator_stock_by_filing_versioned_writer_only BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_stock_by_filing
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_versioned_writer_only();
CREATE TRIGGER indicator_stock_by_kind_versioned_writer_only BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_stock_by_kind
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_versioned_writer_only();
CREATE TRIGGER indicator_flows_versioned_writer_only BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_flows
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_versioned_writer_only();
