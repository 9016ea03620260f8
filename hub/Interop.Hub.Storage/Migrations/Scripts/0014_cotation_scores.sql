-- Stored scores (issue 12): the score of every active application with each
-- grid whose version in force covers a commune it wishes, kept current by the
-- cotation projection (every change of the application), by the publication
-- of a grid version and by the periodic refresh.
--
-- Seniority and ages grow with the date alone. A row is exact from
-- scored_on until the day before fresh_until: the next whole month of a
-- seniority criterion, the applicant's next birthday when the grid looks at
-- ages, or the start of the next version, whichever comes first (NULL: the
-- score cannot change by itself). Reads take a row only inside that window
-- and rescore the rest first (CotationScores.RefreshStaleAsync); the periodic
-- job rescores them every day, so a read seldom finds one.
CREATE TABLE cotation_scores (
    grid_id               text NOT NULL,
    application_number    text NOT NULL REFERENCES applications (number),
    -- The application's revision the score was computed from: an older
    -- computation never overwrites a newer one.
    application_revision  bigint NOT NULL,
    grid_version          integer NOT NULL,
    scored_on             date NOT NULL,
    fresh_until           date,
    total                 numeric NOT NULL,
    -- Ranking ties go to the earlier filing, then the number (CandidateRanker).
    filed_date            date NOT NULL,
    -- Stored names of the wished typologies, for "similar applications".
    typologies            text[] NOT NULL,
    -- [{"rubricId", "points"}]: the what-if's baseline by rubric.
    rubrics               jsonb NOT NULL,
    -- The explanation as served: [{"rubricId", "criterionId", "status", "points", "text"}].
    lines                 jsonb NOT NULL,
    computed_at           timestamptz NOT NULL,
    PRIMARY KEY (grid_id, application_number)
);

-- Rankings and positions read a grid's scores best first.
CREATE INDEX cotation_scores_rank ON cotation_scores (grid_id, total DESC, filed_date, application_number);
CREATE INDEX cotation_scores_by_application ON cotation_scores (application_number);
CREATE INDEX cotation_scores_fresh_until ON cotation_scores (grid_id, fresh_until);
