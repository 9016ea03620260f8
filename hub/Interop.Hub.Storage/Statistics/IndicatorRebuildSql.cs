namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// The statements of <see cref="IndicatorRebuild"/>. They restate, over whole sets of revisions, what
/// <c>Core/Statistics/Indicators/IndicatorCounter</c> does change by change; the counter stays the owner of the
/// semantics and the property test (IndicatorPropertyTests) holds the two equal. The rules that need no set
/// (territory keys, needed typology, radiation reason names) are computed by the core itself over the few
/// distinct values the history holds, and joined in.
/// </summary>
internal static class IndicatorRebuildSql
{
    /// <summary>
    /// Empties the tables (DELETE, not TRUNCATE: readers keep the old figures until the rebuild commits instead of
    /// waiting on its lock) and gathers every revision the rebuild counts: those whose change the snapshot sees
    /// sequenced up to <c>@head</c>, and those whose change the feed has pruned. A revision whose change is not yet
    /// sequenced in the snapshot is left for the incremental projection, which reads it after <c>@head</c>.
    /// An attribution step's details come from its change when the log still holds it (as the projection reads
    /// them), else from its proposal (as <see cref="IndicatorStore.PrunedHistoryAsync"/> did).
    /// </summary>
    public const string Collect = IndicatorStore.VersionedWriter + """
        DELETE FROM indicator_applications;
        DELETE FROM indicator_stock;
        DELETE FROM indicator_stock_by_filing;
        DELETE FROM indicator_stock_by_kind;
        DELETE FROM indicator_flows;
        -- A new generation: every process drops the rows it kept (IndicatorRowCache, migration 0020).
        DELETE FROM indicator_territory_versions;
        DELETE FROM indicator_territory_months;
        UPDATE indicator_progress SET generation = generation + 1 WHERE id = 1;

        CREATE TEMP TABLE indicator_rebuild_revisions ON COMMIT DROP AS
        SELECT h.application_number AS number, h.revision, h.kind, h.occurred_at,
               -- The month of the French calendar day of the change (Core/Time/FrenchCalendar).
               date_trunc('month', h.occurred_at AT TIME ZONE 'Europe/Paris')::date AS month,
               h.departement,
               h.facts IS NOT NULL AS has_facts,
               COALESCE(h.facts -> 'wishedCommunes', '[]'::jsonb) AS communes,
               h.facts ->> 'status' = 'active' AS active,
               (h.facts ->> 'filedDate')::date AS filed_date,
               COALESCE((h.facts ->> 'householdSize')::int, 1) AS household_size,
               COALESCE((h.facts ->> 'coApplicant')::boolean, false) AS co_applicant,
               COALESCE((h.facts ->> 'children')::int, 0) AS children,
               COALESCE((h.facts ->> 'transfer')::boolean, false) AS transfer,
               COALESCE((h.facts ->> 'priorityHousehold')::boolean, false) AS priority,
               h.facts ->> 'radiationReason' AS radiation_code,
               (h.facts ->> 'radiationDate')::date AS radiation_date,
               -- IndicatorProjection.AttributionOf: details say an attribution step when they carry a state.
               CASE WHEN c.position IS NULL
                    THEN CASE p.state WHEN 'lease_signed' THEN 'LeaseSigned' WHEN 'offer_refused' THEN 'OfferRefused' END
                    WHEN jsonb_typeof(c.details) = 'object' AND jsonb_typeof(c.details -> 'state') = 'string'
                    THEN c.details ->> 'state'
               END AS attribution_state,
               CASE WHEN c.position IS NULL
                    THEN CASE WHEN p.state IN ('lease_signed', 'offer_refused') THEN p.lease_reservation_holder END
                    WHEN jsonb_typeof(c.details) = 'object' AND c.details -> 'state' IS NOT NULL
                         AND jsonb_typeof(c.details -> 'lease' -> 'reservation_holder') = 'string'
                    THEN c.details -> 'lease' ->> 'reservation_holder'
               END AS attribution_holder,
               CASE WHEN c.position IS NULL
                    THEN COALESCE(p.state IN ('lease_signed', 'offer_refused') AND p.lease_dalo, false)
                    ELSE COALESCE(jsonb_typeof(c.details) = 'object' AND c.details -> 'state' IS NOT NULL
                                  AND c.details -> 'lease' -> 'dalo' = 'true'::jsonb, false)
               END AS attribution_dalo
        FROM application_history h
        LEFT JOIN changes c ON c.application_number = h.application_number AND c.revision = h.revision
        LEFT JOIN (
            SELECT DISTINCT ON (application_number, application_revision)
                   application_number, application_revision, state, lease_reservation_holder, lease_dalo
            FROM proposals
            ORDER BY application_number, application_revision, updated_at DESC
        ) p ON c.position IS NULL AND p.application_number = h.application_number AND p.application_revision = h.revision
        WHERE c.position IS NULL OR c.change_seq <= @head;

        ANALYZE indicator_rebuild_revisions;
        """;

    /// <summary>The distinct places (département and communes wished) and household compositions, for the core to key and type.</summary>
    public const string Distinct = """
        SELECT DISTINCT departement, communes::text FROM indicator_rebuild_revisions WHERE has_facts;
        SELECT DISTINCT household_size, co_applicant, children FROM indicator_rebuild_revisions WHERE has_facts;
        """;

    /// <summary>The core's answers for those places and compositions, in temporary tables joined below.</summary>
    public const string Lookups = """
        CREATE TEMP TABLE indicator_rebuild_places ON COMMIT DROP AS
        SELECT place, departement, communes::jsonb AS communes, string_to_array(territories, ' ') AS territories
        FROM unnest(@places, @placeDepartements, @placeCommunes, @placeTerritories) AS p(place, departement, communes, territories);

        CREATE TEMP TABLE indicator_rebuild_typologies ON COMMIT DROP AS
        SELECT * FROM unnest(@sizes, @coApplicants, @children, @typologies) AS t(household_size, co_applicant, children, typology);
        ANALYZE indicator_rebuild_places;
        ANALYZE indicator_rebuild_typologies;
        """;

    /// <summary>
    /// Orders each application's counted revisions and pairs each with the one before (what the counter's
    /// <c>before</c> is: the last revision counted with facts), then writes the three tables in one GROUP BY each:
    /// the stock takes back the previous revision's key and adds the new one in the month of the change (only
    /// where the key moved: a renewal leaves the stock as it was), the flows count each revision's events, both
    /// summed by place before a place is spread over its territories; and each application's last counted state.
    /// Rows go in in their primary key's order, so the indexes are appended to rather than split all over (a
    /// third of the buffer work on 100,000 applications).
    /// </summary>
    public const string Count = """
        CREATE TEMP TABLE indicator_rebuild_steps ON COMMIT DROP AS
        SELECT s.*,
               lag(s.place) OVER w AS before_place,
               lag(s.active) OVER w AS before_active,
               lag(s.typology) OVER w AS before_typology,
               lag(s.filed_month) OVER w AS before_filed_month,
               lag(s.transfer) OVER w AS before_transfer,
               lead(s.revision) OVER w IS NULL AS last
        FROM (
            SELECT r.number, r.revision, r.kind, r.month, r.active, r.filed_date, r.transfer, r.priority,
                   r.radiation_code, r.radiation_date, r.attribution_state, r.attribution_holder, r.attribution_dalo,
                   p.place, t.typology, date_trunc('month', r.filed_date)::date AS filed_month
            FROM indicator_rebuild_revisions r
            JOIN indicator_rebuild_places p ON p.departement = r.departement AND p.communes = r.communes
            JOIN indicator_rebuild_typologies t
              ON t.household_size = r.household_size AND t.co_applicant = r.co_applicant AND t.children = r.children
            WHERE r.has_facts
        ) s
        WINDOW w AS (PARTITION BY s.number ORDER BY s.revision);

        INSERT INTO indicator_applications (application_number, revision, active, territories, typology, filed_month, transfer, priority_household)
        SELECT s.number, s.revision, s.active, p.territories, s.typology, s.filed_month, s.transfer, s.priority
        FROM indicator_rebuild_steps s JOIN indicator_rebuild_places p ON p.place = s.place
        WHERE s.last
        ORDER BY s.number;

        INSERT INTO indicator_stock (territory, month, typology, filed_month, transfer, delta)
        SELECT t.territory, m.month, m.typology, m.filed_month, m.transfer, sum(m.delta)
        FROM (
            SELECT place, month, typology, filed_month, transfer, sum(delta) AS delta
            FROM (
                SELECT before_place AS place, month, before_typology AS typology, before_filed_month AS filed_month,
                       before_transfer AS transfer, -1 AS delta
                FROM indicator_rebuild_steps
                WHERE before_active
                  AND (before_place, before_active, before_typology, before_filed_month, before_transfer)
                      IS DISTINCT FROM (place, active, typology, filed_month, transfer)
                UNION ALL
                SELECT place, month, typology, filed_month, transfer, 1
                FROM indicator_rebuild_steps
                WHERE active
                  AND (before_place, before_active, before_typology, before_filed_month, before_transfer)
                      IS DISTINCT FROM (place, active, typology, filed_month, transfer)
            ) movements
            GROUP BY place, month, typology, filed_month, transfer
        ) m
        JOIN indicator_rebuild_places p ON p.place = m.place
        CROSS JOIN LATERAL unnest(p.territories) AS t(territory)
        GROUP BY t.territory, m.month, m.typology, m.filed_month, m.transfer
        HAVING sum(m.delta) <> 0
        ORDER BY t.territory, m.month, m.typology, m.filed_month, m.transfer;

        -- Its two marginals (migration 0019), from the rows just written.
        INSERT INTO indicator_stock_by_filing (territory, month, filed_month, delta)
        SELECT territory, month, filed_month, sum(delta) FROM indicator_stock
        GROUP BY territory, month, filed_month HAVING sum(delta) <> 0
        ORDER BY territory, month, filed_month;

        INSERT INTO indicator_stock_by_kind (territory, month, typology, transfer, delta)
        SELECT territory, month, typology, transfer, sum(delta) FROM indicator_stock
        GROUP BY territory, month, typology, transfer HAVING sum(delta) <> 0
        ORDER BY territory, month, typology, transfer;

        INSERT INTO indicator_flows (territory, month, indicator, dimension, count)
        SELECT t.territory, f.month, f.indicator, f.dimension, sum(f.count)
        FROM (
            SELECT s.place, s.month, e.indicator, e.dimension, count(*) AS count
            FROM indicator_rebuild_steps s
            CROSS JOIN LATERAL (
                SELECT @new AS indicator, '' AS dimension WHERE s.kind IN (@registered, @imported)
                UNION ALL
                SELECT @renewed, '' WHERE s.kind = @renewedKind
                UNION ALL
                SELECT @radiated, (@reasonNames::text[])[array_position(@reasonCodes::text[], s.radiation_code)]
                WHERE s.kind = @radiatedKind AND s.radiation_code IS NOT NULL
                UNION ALL
                SELECT a.indicator, a.dimension
                FROM (VALUES
                    (@attributed, s.typology::text),
                    (@attributedByHolder, COALESCE(s.attribution_holder, '')),
                    (@attributedPriority, CASE WHEN s.priority OR s.attribution_dalo THEN '' END),
                    -- IndicatorCounter.WholeMonths: a day short of a month is 0; never below 0.
                    (@attributionDelay, greatest(0,
                        (date_part('year', s.radiation_date) - date_part('year', s.filed_date)) * 12
                        + date_part('month', s.radiation_date) - date_part('month', s.filed_date)
                        - CASE WHEN date_part('day', s.radiation_date) < date_part('day', s.filed_date) THEN 1 ELSE 0 END)::int::text)
                ) AS a(indicator, dimension)
                WHERE s.kind = @radiatedKind AND s.radiation_code = @attributionCode AND a.dimension IS NOT NULL
                UNION ALL
                SELECT @offerRefused, '' WHERE s.kind = @offerAnswered AND s.attribution_state = @offerRefusedState
            ) e
            GROUP BY s.place, s.month, e.indicator, e.dimension
        ) f
        JOIN indicator_rebuild_places p ON p.place = f.place
        CROSS JOIN LATERAL unnest(p.territories) AS t(territory)
        GROUP BY t.territory, f.month, f.indicator, f.dimension
        ORDER BY t.territory, f.month, f.indicator, f.dimension;

        UPDATE indicator_progress SET counted_through = (SELECT max(occurred_at) FROM indicator_rebuild_revisions) WHERE id = 1;
        SELECT count(*) FROM indicator_rebuild_revisions;
        """;
}
