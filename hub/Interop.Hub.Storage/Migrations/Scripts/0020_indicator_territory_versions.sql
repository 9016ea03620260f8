-- What a hub process may keep of the indicator tables between calls
-- (Storage/Statistics/IndicatorRowCache.cs): a call of GetTerritoryIndicators
-- reads the rows of its whole suppression family (a commune's: 125,000 to
-- 186,000 rows), nearly all of them unchanged since the call before.
--
-- Each territory carries the id of the last transaction that changed any of
-- its rows (IndicatorStore.WriteAsync, in the projection's page transaction):
-- a process that kept a territory's rows with the version it read in the same
-- snapshot knows they are still those of a later snapshot exactly when that
-- snapshot shows the same version. A transaction id is never given twice, so
-- two different contents never share a version. No version: unchanged since
-- the generation began (this migration, or the last rebuild).
CREATE TABLE indicator_territory_versions (
    territory  text PRIMARY KEY,
    version    bigint NOT NULL
);

-- A rebuild empties and refills every table at once: it moves to a new
-- generation (and empties the versions), and a process drops everything it
-- kept from an older one.
ALTER TABLE indicator_progress ADD COLUMN generation bigint NOT NULL DEFAULT 0;
