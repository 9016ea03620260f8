-- A fresh registry grows from zero at desk speed, and until autovacuum's first
-- ANALYZE the planner has no column statistics for these tables (issue 14: ~30
-- registrations/s for the first ~2,700, ~110/s after). An ANALYZE here, on
-- empty tables, would give none either. The duplicate check no longer depends
-- on them (IdentityIndex.CandidatesAsync checks each hit by primary key); these
-- settings keep the statistics following a table that doubles many times in
-- its first days: re-analysed after 2 % of new rows (at least 200) instead of
-- the default 10 % (at least 50).
ALTER TABLE applications SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE identity_keys SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE name_counts SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);

