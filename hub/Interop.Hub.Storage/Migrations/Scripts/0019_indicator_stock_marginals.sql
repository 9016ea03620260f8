-- Two marginals of indicator_stock, kept with it (IndicatorStore.WriteAsync, the
-- rebuild): its net movements summed over typology and transfer (by month of
-- filing), and over the month of filing (by typology and transfer). A call of
-- GetTerritoryIndicators weighs the territory asked against its whole family
-- (README, "Suppression"), and those other territories weigh in only through
-- cells that are sums over one of the three keys (active, by typology, by
-- seniority bucket, transfers): reading these two tables for them instead of
-- indicator_stock reads about a sixth of the rows (a département's stock is
-- months × months of filing × typologies × transfer, ≈ 19,000 rows over five
-- years, against ≈ 1,900 + 600 here). Measured: tests/Interop.Observatory.Benchmarks.
CREATE TABLE indicator_stock_by_filing (
    territory    text NOT NULL,
    month        date NOT NULL,
    filed_month  date NOT NULL,
    delta        bigint NOT NULL,
    PRIMARY KEY (territory, month, filed_month)
);

CREATE TABLE indicator_stock_by_kind (
    territory  text NOT NULL,
    month      date NOT NULL,
    typology   smallint NOT NULL,
    transfer   boolean NOT NULL,
    delta      bigint NOT NULL,
    PRIMARY KEY (territory, month, typology, transfer)
);

-- What the tables already count.
INSERT INTO indicator_stock_by_filing (territory, month, filed_month, delta)
SELECT territory, month, filed_month, sum(delta) FROM indicator_stock
GROUP BY territory, month, filed_month HAVING sum(delta) <> 0
ORDER BY territory, month, filed_month;

INSERT INTO indicator_stock_by_kind (territory, month, typology, transfer, delta)
SELECT territory, month, typology, transfer, sum(delta) FROM indicator_stock
GROUP BY territory, month, typology, transfer HAVING sum(delta) <> 0
ORDER BY territory, month, typology, transfer;
