using System.Diagnostics;
using System.Globalization;
using Interop.Cotation.Benchmarks;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Cotation.Outlook;
using Interop.Hub.Core.Cotation.Ranking;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Core.Cotation.WhatIf;
using Interop.Testing;
using Npgsql;

// Entry point: `dotnet run -c Release --project tests/Interop.Cotation.Benchmarks -- [--size 1000000] [--dwellings 50] [--smoke]`.
// Needs INTEROP_TEST_POSTGRES (an admin connection string): a throwaway database is made on that cluster.
// Scores a synthetic active stock with the core and with a plain SQL pass over the same rows, in the same
// run, and checks they agree (totals, top 10 of each ranking, rank moves of the what-if). Exit codes: 0
// figures printed and every check agreed, 1 a check disagreed, 2 bad arguments. `--smoke` runs every
// phase once on 2 000 applications (deploy/test.sh does, so the command never rots).
var size = 1_000_000;
var dwellings = 50;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--smoke":
            size = 2_000;
            dwellings = 5;
            break;
        case "--size" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
            size = n;
            i++;
            break;
        case "--dwellings" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var d) && d > 0:
            dwellings = d;
            i++;
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'. Usage: [--size N] [--dwellings N] [--smoke]");
            return 2;
    }
}

var day = new DateOnly(2026, 3, 10);
var current = GridLoader.Load(BenchGrids.Json(draft: false));
var draft = GridLoader.Load(BenchGrids.Json(draft: true));
var failures = 0;
void Check(bool agreed, string what)
{
    if (!agreed)
    {
        failures++;
        Console.WriteLine($"CHECK FAILED: {what}");
    }
}

NpgsqlCommand Sql(NpgsqlConnection connection, string text)
{
    var command = new NpgsqlCommand(text, connection) { CommandTimeout = 0 };
    command.Parameters.AddWithValue("day", day);
    return command;
}

var connectionString = await TestPostgres.CreateDatabaseAsync("cotationbench");
await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();
await Stock.CreateAsync(connection);
var clock = Stopwatch.StartNew();
await Stock.LoadAsync(connection, size);
Console.WriteLine($"setup: {size:N0} active applications loaded by COPY and indexed in {clock.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores");

// 1. Full recompute: every active application read and scored by the core, against a SQL pass summing the same points.
clock.Restart();
var stock = await Stock.ReadAsync(connection);
var readMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
decimal coreSum = 0;
foreach (var subject in stock)
{
    coreSum += CotationScorer.Score(subject, current, day, []).Total;
}

var scoreMs = clock.Elapsed.TotalMilliseconds;

// 1b. The stored scores the hub keeps (cotation_scores): every application scored and written by COPY, then indexed.
clock.Restart();
await StoredScores.StoreAsync(connection, stock.Select(subject => (subject, CotationScorer.Score(subject, current, day, []))));
var storeMs = clock.Elapsed.TotalMilliseconds;

// 1c. The same recompute reading only the fields the grid looks at, as typed columns (no household document to parse).
// The full stock goes first: two copies of a million households do not fit beside the other engineers' builds.
stock = [];
GC.Collect();
clock.Restart();
var narrow = await Stock.ReadScorerFieldsAsync(connection);
var narrowReadMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
decimal narrowSum = 0;
foreach (var subject in narrow)
{
    narrowSum += CotationScorer.Score(subject, current, day, []).Total;
}

var narrowScoreMs = clock.Elapsed.TotalMilliseconds;
Check(narrowSum == coreSum, $"recompute: full documents total {coreSum} but scorer fields total {narrowSum}");
narrow = [];
GC.Collect();
clock.Restart();
await using (var sum = Sql(connection, $"SELECT sum({BenchGrids.Sql(false)})::numeric FROM bench_applications WHERE status = 'active'"))
{
    var sqlSum = (decimal)(await sum.ExecuteScalarAsync())!;
    Check(sqlSum == coreSum, $"recompute: core total {coreSum} but SQL total {sqlSum}");
}

var sqlRecomputeMs = clock.Elapsed.TotalMilliseconds;

// 2. Ranking for a dwelling: on the stored scores (today's RankApplications), and live as a ranking for another day
// does it (read the commune's wishers, score, rank), both against ORDER BY … LIMIT 10.
var random = new Random(7);
var coreRank = new List<double>();
var storedRank = new List<double>();
var outlookMs = new List<double>();
var sqlRank = new List<double>();
for (var i = 0; i < dwellings + 2; i++)
{
    var profile = new DwellingProfile
    {
        CommuneCode = BenchGrids.Communes[random.Next(BenchGrids.Communes.Length)],
        Typology = (Typology)(2 + random.Next(5)),
        MonthlyRentEur = 350 + random.Next(400),
    };
    clock.Restart();
    var wishers = await Stock.ReadAsync(connection, profile.CommuneCode);
    var ranking = CandidateRanker.Rank(wishers.Select(s => new ScoredSubject(s, CotationScorer.Score(s, current, day, []))), profile, 10);
    var coreMs = clock.Elapsed.TotalMilliseconds;

    // Today's RankApplications: the stored scores best first, 200 at a time, households loaded for those rows only.
    clock.Restart();
    var stored = new List<RankedCandidate>();
    (string Number, decimal Total, DateOnly Filed)? after = null;
    while (stored.Count < 10)
    {
        var page = await StoredScores.PageAsync(connection, profile.CommuneCode, profile.Typology.ToString(), after, 200);
        if (page.Count == 0)
        {
            break;
        }

        var households = (await Stock.ReadAsync(connection, page.Select(row => row.Number).ToList())).ToDictionary(subject => subject.Number);
        var candidates = page.Select(row => new ScoredSubject(households[row.Number], CotationScorer.Score(households[row.Number], current, day, [])));
        stored.AddRange(CandidateRanker.Rank(candidates, profile, 10 - stored.Count).Ranked);
        after = page[^1];
    }

    var storedMs = clock.Elapsed.TotalMilliseconds;

    // The outlook's position of the first candidate among similar applications, counted over the stored scores.
    clock.Restart();
    if (ranking.Ranked.Count > 0)
    {
        var first = ranking.Ranked[0];
        var (_, ahead) = await StoredScores.PositionAsync(connection, profile.Typology.ToString(), first.Number, first.Score.Total, first.FiledDate);
        Check(ahead >= 0, "outlook position");
    }

    var positionMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var top = new List<string>();
    await using (var query = Sql(connection, $"""
        SELECT number FROM bench_applications
        WHERE status = 'active' AND wished_communes @> ARRAY[@commune]::text[] AND household->'wishes'->'typologies' ? @typology
          AND (household->'resources'->>'monthlyIncomeEur')::numeric > 0
          AND @rent * 100 <= 33 * (household->'resources'->>'monthlyIncomeEur')::numeric
        ORDER BY {BenchGrids.Sql(false)} DESC, filed_date, number LIMIT 10
        """))
    {
        query.Parameters.AddWithValue("commune", profile.CommuneCode);
        query.Parameters.AddWithValue("typology", profile.Typology.ToString());
        query.Parameters.AddWithValue("rent", (decimal)profile.MonthlyRentEur);
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            top.Add(reader.GetString(0));
        }
    }

    var sqlMs = clock.Elapsed.TotalMilliseconds;
    Check(top.SequenceEqual(ranking.Ranked.Select(r => r.Number)), $"ranking {profile.CommuneCode} {profile.Typology}: core and SQL top 10 differ");
    Check(top.SequenceEqual(stored.Select(r => r.Number)), $"ranking {profile.CommuneCode} {profile.Typology}: stored scores and SQL top 10 differ");
    // The first two warm up (JIT, plans, caches) and are not counted.
    if (i >= 2)
    {
        coreRank.Add(coreMs);
        storedRank.Add(storedMs);
        outlookMs.Add(positionMs);
        sqlRank.Add(sqlMs);
    }
}

// 3. What-if of the draft over the whole stock (read, both scores, ranks, summary) against one SQL pass doing the same.
clock.Restart();
var whatIfStock = await Stock.ReadAsync(connection);
var report = DraftComparison.Run(whatIfStock.Select(s => new ScoredCandidate(s, [])), current, draft, day);
var coreWhatIfMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
await using (var whatIf = Sql(connection, $"""
    WITH scored AS (
        SELECT number, filed_date, {BenchGrids.Sql(false)} AS cur, {BenchGrids.Sql(true)} AS dft,
               CASE WHEN household->'priority'->>'daloStatus' = 'Active' THEN 'dalo'
                    WHEN (household->'priority'->>'priorityPublic')::boolean THEN 'prioritaire' ELSE 'aucune' END AS class
        FROM bench_applications WHERE status = 'active'),
    ranked AS (
        SELECT *, row_number() OVER (ORDER BY cur DESC, filed_date, number) AS cur_rank,
                  row_number() OVER (ORDER BY dft DESC, filed_date, number) AS dft_rank
        FROM scored)
    SELECT class, count(*), avg(dft - cur), count(*) FILTER (WHERE dft_rank < cur_rank), count(*) FILTER (WHERE dft_rank > cur_rank)
    FROM ranked GROUP BY class
    """))
{
    var up = 0L;
    var down = 0L;
    await using var reader = await whatIf.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        up += reader.GetInt64(3);
        down += reader.GetInt64(4);
    }

    Check(up == report.RankUp && down == report.RankDown, $"what-if: core moves {report.RankUp} up / {report.RankDown} down, SQL {up} / {down}");
}

var sqlWhatIfMs = clock.Elapsed.TotalMilliseconds;

var recomputeMs = readMs + scoreMs;
Console.WriteLine();
Console.WriteLine($"Cotation over {size:N0} active applications ({dwellings} dwellings ranked), {day:yyyy-MM-dd}:");
Console.WriteLine();
Console.WriteLine("| measure | core (hub's path) | plain SQL | core / SQL |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| full recompute (read {Figures.Ms(readMs)} + score {Figures.Ms(scoreMs)}) | {Figures.Ms(recomputeMs)} | {Figures.Ms(sqlRecomputeMs)} | {Figures.Ratio(recomputeMs, sqlRecomputeMs)} |");
Console.WriteLine($"| full recompute reading only the scorer's fields (read {Figures.Ms(narrowReadMs)} + score {Figures.Ms(narrowScoreMs)}) | {Figures.Ms(narrowReadMs + narrowScoreMs)} | {Figures.Ms(sqlRecomputeMs)} | {Figures.Ratio(narrowReadMs + narrowScoreMs, sqlRecomputeMs)} |");
Console.WriteLine($"| stored scores written (score + COPY + index) | {Figures.Ms(storeMs)} | — | — |");
Console.WriteLine($"| ranking on stored scores (today's RankApplications), p50 | {Figures.Ms(Figures.Percentile(storedRank, 50))} | {Figures.Ms(Figures.Percentile(sqlRank, 50))} | {Figures.Ratio(Figures.Percentile(storedRank, 50), Figures.Percentile(sqlRank, 50))} |");
Console.WriteLine($"| ranking on stored scores, p99 | {Figures.Ms(Figures.Percentile(storedRank, 99))} | {Figures.Ms(Figures.Percentile(sqlRank, 99))} | {Figures.Ratio(Figures.Percentile(storedRank, 99), Figures.Percentile(sqlRank, 99))} |");
Console.WriteLine($"| outlook position over stored scores (SQL count), p50 / p99 | {Figures.Ms(Figures.Percentile(outlookMs, 50))} / {Figures.Ms(Figures.Percentile(outlookMs, 99))} | — | — |");
Console.WriteLine($"| ranking scoring the commune live (another day), p50 | {Figures.Ms(Figures.Percentile(coreRank, 50))} | {Figures.Ms(Figures.Percentile(sqlRank, 50))} | {Figures.Ratio(Figures.Percentile(coreRank, 50), Figures.Percentile(sqlRank, 50))} |");
Console.WriteLine($"| ranking scoring the commune live, p99 | {Figures.Ms(Figures.Percentile(coreRank, 99))} | {Figures.Ms(Figures.Percentile(sqlRank, 99))} | {Figures.Ratio(Figures.Percentile(coreRank, 99), Figures.Percentile(sqlRank, 99))} |");
Console.WriteLine($"| what-if of a draft, wall | {Figures.Ms(coreWhatIfMs)} | {Figures.Ms(sqlWhatIfMs)} | {Figures.Ratio(coreWhatIfMs, sqlWhatIfMs)} |");
Console.WriteLine();
Console.WriteLine(failures == 0
    ? $"checks: core and SQL agree (recompute total, {coreRank.Count + 2} top-10 rankings, what-if moves {report.RankUp} up / {report.RankDown} down)"
    : $"checks: {failures} FAILED");
return failures == 0 ? 0 : 1;
