using System.Diagnostics;
using System.Globalization;
using Interop.Contracts.V1;
using Interop.Hub.Core.History;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Storage.History;
using Interop.Observatory.Benchmarks;
using Npgsql;

// Entry point: `dotnet run -c Release --project tests/Interop.Observatory.Benchmarks -- [--size 3000000] [--smoke] [--keep] [--database NAME] [--runs 100] [--cache-rows 20000000]`.
// Needs INTEROP_TEST_POSTGRES (an admin connection string) and the official geography (`npm ci --prefix hub/geography`).
// A throwaway database is made on that cluster, migrated like a hub's. Loads N applications' histories (and their
// attributions' leases) by COPY, counts them into the indicator tables set-based as the hub's RebuildIndicators does
// (the projection's page replay timed on a sample beside it; on the whole history in the smoke run, where both must
// give the same tables), then starts the built Release hub on that database and times GetTerritoryIndicators over
// gRPC (p50/p99) for communes, EPCIs, départements and the file, by year and by month, and the CSV export; against
// the same figures computed by a plain SQL aggregate over the history in the same run, checking they agree where
// nothing is suppressed; and times the state at a date of one application with 100 changes. `--keep` leaves the
// database (its name printed) for `--database NAME`, which skips the load and the counting; `--runs` sets the
// calls per measure (100; 10 in the smoke run). Exit codes: 0 figures
// printed and checks agreed, 1 a check disagreed, 2 bad arguments or no geography. `--smoke` runs every phase on
// 2 000 applications (deploy/test.sh does).
var size = 3_000_000;
var smoke = false;
var keep = false;
string? reuse = null;
int? calls = null;

// Rows the hub process may keep between calls (Interop:IndicatorCacheRows): enough for the families of every
// territory read here, so the warm calls find them all; its resident memory is printed.
long cacheRows = 20_000_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--smoke":
            smoke = true;
            size = 2_000;
            break;
        case "--keep":
            keep = true;
            break;
        case "--database" when i + 1 < args.Length:
            reuse = args[++i];
            break;
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 1:
            calls = r;
            i++;
            break;
        case "--cache-rows" when i + 1 < args.Length && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var kept) && kept >= 0:
            cacheRows = kept;
            i++;
            break;
        case "--size" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
            size = n;
            i++;
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'. Usage: [--size N] [--smoke] [--keep] [--database NAME] [--runs CALLS] [--cache-rows ROWS]");
            return 2;
    }
}

if (BenchGeography.Load(SyntheticHistory.Departements) is not { } geography)
{
    Console.Error.WriteLine("the official geography is not installed: run `npm ci --prefix hub/geography` first");
    return 2;
}

// As the hub sets it at start: the stores' Dapper rows map snake_case columns.
Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
var failures = 0;
void Check(bool agreed, string what)
{
    if (!agreed)
    {
        failures++;
        Console.WriteLine($"CHECK FAILED: {what}");
    }
}

var loads = new List<string> { LoadAverage.Now() };
var connectionString = reuse is null ? await BenchDatabase.CreateAsync() : BenchDatabase.Existing(reuse);
await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();
var clock = Stopwatch.StartNew();
long rows;
if (reuse is null)
{
    await using (var leases = new NpgsqlConnection(connectionString))
    {
        await leases.OpenAsync();
        rows = await SyntheticHistory.LoadAsync(connection, leases, size, geography);
    }

    await BenchDatabase.ExecuteAsync(connection, "ANALYZE application_history; ANALYZE proposals");
    Console.WriteLine($"setup: {size:N0} applications, {rows:N0} history rows loaded by COPY in {clock.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores; load average {loads[^1]}");
    if (keep)
    {
        Console.WriteLine($"database kept: {BenchDatabase.NameOf(connectionString)} (rerun the reads with --database {BenchDatabase.NameOf(connectionString)})");
    }

    failures += await IndicatorCounting.RunAsync(connection, connectionString, geography.Epcis, rows, smoke);
    loads.Add(LoadAverage.Now());
}
else
{
    // Migrations added since it was loaded run first (as the hub would at start), timed apart from the reads.
    await Interop.Hub.Storage.Migrations.DatabaseMigrator.MigrateAsync(connectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
    Console.WriteLine($"migrated in {clock.Elapsed.TotalSeconds:0.0} s");
    rows = await BenchDatabase.CountAsync(connection, "SELECT count(*) FROM application_history");
    size = (int)await BenchDatabase.CountAsync(connection, "SELECT count(DISTINCT application_number) FROM indicator_applications");
    Console.WriteLine($"reusing {reuse}: {size:N0} applications, {rows:N0} history rows; load average {loads[^1]}");
}

// 1. GetTerritoryIndicators over gRPC from the hub process, suppression family included.
var runs = calls ?? (smoke ? 10 : 100);
var random = new Random(11);
await using var hub = await HubReads.StartAsync(connectionString, cacheRows);
var startMemory = hub.ResidentMiB();
Console.WriteLine($"hub process up and answering in {hub.Startup.TotalSeconds:0.0} s (no replay: the projection's checkpoint is at the head); resident {startMemory.Now:0} MiB; keeps up to {cacheRows:N0} rows");
var communes = SyntheticHistory.Departements
    .SelectMany(d => new[] { SyntheticHistory.CommuneAtRank(geography.CommunesOf[d], 0), SyntheticHistory.CommuneAtRank(geography.CommunesOf[d], geography.CommunesOf[d].Length / 20) })
    .ToList();
var levels = new (string Name, TerritoryLevel Level, IReadOnlyList<string> Codes)[]
{
    ("a commune", TerritoryLevel.Commune, communes),
    ("an EPCI", TerritoryLevel.Epci, communes.Select(c => geography.Epcis.EpciOf(c)!).Distinct(StringComparer.Ordinal).ToList()),
    ("a département", TerritoryLevel.Departement, SyntheticHistory.Departements),
    ("the whole file", TerritoryLevel.File, [""]),
};
var first = new DateOnly(2021, 1, 1);
var last = new DateOnly(2025, 12, 31);
var measures = new List<(string Measure, List<double> Ms)>();

// Warm-up over every territory, level and period first (JIT tiers, plans, the rows the process keeps), so no
// measure pays for the one before; a first call of a territory's family in the process is timed apart.
var coldCalls = new List<double>();
foreach (var (_, level, codes) in levels)
{
    foreach (var code in codes)
    {
        clock.Restart();
        await hub.IndicatorsAsync(HubReads.Request(level, code, IndicatorPeriod.Month, first, last));
        coldCalls.Add(clock.Elapsed.TotalMilliseconds);
    }

    foreach (var period in new[] { IndicatorPeriod.Year, IndicatorPeriod.Month })
    {
        for (var i = 0; i < 3; i++)
        {
            await hub.IndicatorsAsync(HubReads.Request(level, codes[random.Next(codes.Count)], period, first, last));
        }
    }
}

var warmMemory = hub.ResidentMiB();
Console.WriteLine($"warm-up: the first call of each of {coldCalls.Count} territories p50 {Figures.Ms(Figures.Percentile(coldCalls, 50))}, p99 {Figures.Ms(Figures.Percentile(coldCalls, 99))} (the family read whole, the process' first calls included); resident {warmMemory.Now:0} MiB (+{warmMemory.Now - startMemory.Now:0} MiB), peak {warmMemory.Peak:0} MiB");

foreach (var (name, level, codes) in levels)
{
    foreach (var (period, label) in new[] { (IndicatorPeriod.Year, "5 years by year"), (IndicatorPeriod.Month, "60 months") })
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var request = HubReads.Request(level, codes[random.Next(codes.Count)], period, first, last);
            clock.Restart();
            var answer = await hub.IndicatorsAsync(request);
            var ms = clock.Elapsed.TotalMilliseconds;
            Check(answer.Periods.Count == (period == IndicatorPeriod.Year ? 5 : 60), $"{name} {label}: {answer.Periods.Count} periods");
            times.Add(ms);
        }

        measures.Add(($"GetTerritoryIndicators, {name}, {label}", times));
        Console.WriteLine($"{measures[^1].Measure}: p50 {Figures.Ms(Figures.Percentile(times, 50))}, p99 {Figures.Ms(Figures.Percentile(times, 99))}");
    }
}

// The same calls on a live hub: before each, a page of the projection changes the tables (three applications, one
// of them counted in the territory asked: LiveChanges), so the call finds those territories changed since the rows
// its process kept and reads them again. The warm figures above are calls with nothing changed in between.
var live = new LiveChanges(connectionString);
static string KeyOf(TerritoryLevel level, string code) => level switch
{
    TerritoryLevel.Commune => TerritoryKeys.Commune(code),
    TerritoryLevel.Epci => TerritoryKeys.Epci(code),
    TerritoryLevel.Departement => TerritoryKeys.Departement(code),
    _ => TerritoryKeys.File,
};
await live.PrepareAsync(levels.SelectMany(l => l.Codes.Select(c => KeyOf(l.Level, c))));
foreach (var (name, level, codes) in levels)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var code = codes[random.Next(codes.Count)];
        await live.PageAsync(KeyOf(level, code));
        var request = HubReads.Request(level, code, IndicatorPeriod.Month, first, last);
        clock.Restart();
        var answer = await hub.IndicatorsAsync(request);
        var ms = clock.Elapsed.TotalMilliseconds;
        Check(answer.Periods.Count == 60, $"{name} after a change: {answer.Periods.Count} periods");
        times.Add(ms);
    }

    measures.Add(($"GetTerritoryIndicators, {name}, 60 months, first call after a projection page (3 applications, one of them in it)", times));
    Console.WriteLine($"{measures[^1].Measure}: p50 {Figures.Ms(Figures.Percentile(times, 50))}, p99 {Figures.Ms(Figures.Percentile(times, 99))}");
}

var exports = new List<double>();
var csvBytes = 0;
for (var i = 0; i < runs / 2 + 3; i++)
{
    clock.Restart();
    csvBytes = await hub.ExportAsync(HubReads.Request(TerritoryLevel.Commune, communes[random.Next(communes.Count)], IndicatorPeriod.Month, first, last));
    if (i >= 3)
    {
        exports.Add(clock.Elapsed.TotalMilliseconds);
    }
}

measures.Add(("ExportTerritoryIndicators (CSV), a commune, 60 months", exports));
loads.Add(LoadAverage.Now());

// 2. The same figures by a plain SQL aggregate over the history: the stock at 31 December 2025 of a département
// (each application's last revision before it) and its attributions of 2025, the pressure's two terms; checked
// against the hub's answer for 2025 wherever the hub publishes them (a suppressed cell is not compared).
var sqlRuns = 5;
var sql = new List<double>();
var compared = 0;
for (var i = 0; i < sqlRuns; i++)
{
    var departement = SyntheticHistory.Departements[i % SyntheticHistory.Departements.Length];
    clock.Restart();
    var (active, attributions) = await PlainSql.StockAndAttributionsAsync(connection, departement, 2025);
    sql.Add(clock.Elapsed.TotalMilliseconds);
    var year2025 = (await hub.IndicatorsAsync(HubReads.Request(TerritoryLevel.Departement, departement, IndicatorPeriod.Year, new DateOnly(2025, 1, 1), last))).Periods[^1];
    foreach (var (published, expected, what) in new[] { (year2025.ActiveApplications, active, "active at 31 December"), (year2025.Attributions, attributions, "attributions") })
    {
        if (!published.Suppressed)
        {
            compared++;
            Check(published.Count == expected, $"département {departement}, 2025, {what}: the hub says {published.Count}, plain SQL {expected}");
        }
    }
}

Check(compared > 0, "every figure compared with plain SQL was suppressed: nothing checked");

// 3. The state at a date of one application with 100 changes, as GetApplication's as_of reads it.
await SyntheticHistory.LoadLongHistoryAsync(connection, "21-LONG", 100);
var history = new HistoryStore();
var pastState = new List<double>();
for (var i = 0; i < runs + 5; i++)
{
    clock.Restart();
    var entries = await history.ForApplicationAsync(connection, "21-LONG", CancellationToken.None);
    // Revision k happened on 2 January 2024 + 3k days at 10:00 UTC; half a day later its income (1000 + k) holds.
    var target = 1 + (i % 99);
    var state = ApplicationTimeline.StateAt(entries, new DateTimeOffset(2024, 1, 2, 12, 0, 0, TimeSpan.Zero).AddDays(3 * target));
    var ms = clock.Elapsed.TotalMilliseconds;
    Check(
        state.Kind == PastStateKind.Known && state.Application?.Household?.Resources.MonthlyIncomeEur == 1000 + target,
        $"state at a date {i}: {state.Kind}, revision {state.Application?.Revision}, income {state.Application?.Household?.Resources.MonthlyIncomeEur}");
    if (i >= 5)
    {
        pastState.Add(ms);
    }
}

await using (var remove = new NpgsqlCommand("DELETE FROM application_history WHERE application_number = '21-LONG'", connection))
{
    await remove.ExecuteNonQueryAsync();
}

loads.Add(LoadAverage.Now());
Console.WriteLine();
Console.WriteLine($"Observatory over {size:N0} applications ({rows:N0} changes), {runs} calls per measure ({runs / 2} for the export, {sqlRuns} for plain SQL); load average (1, 5, 15 min) along the run: {string.Join(" → ", loads)}:");
Console.WriteLine();
Console.WriteLine("| measure | p50 | p99 |");
Console.WriteLine("|---|---|---|");
foreach (var (measure, times) in measures)
{
    Console.WriteLine($"| {measure} (over gRPC, suppression family included) | {Figures.Ms(Figures.Percentile(times, 50))} | {Figures.Ms(Figures.Percentile(times, 99))} |");
}

Console.WriteLine($"| stock at 31 Dec + attributions of the year of a département (plain SQL over the history) | {Figures.Ms(Figures.Percentile(sql, 50))} | {Figures.Ms(Figures.Percentile(sql, 99))} |");
Console.WriteLine($"| state at a date of one application with 100 changes | {Figures.Ms(Figures.Percentile(pastState, 50))} | {Figures.Ms(Figures.Percentile(pastState, 99))} |");
Console.WriteLine();
Console.WriteLine($"a commune's CSV of 60 months: {csvBytes:N0} bytes");
var endMemory = hub.ResidentMiB();
Console.WriteLine($"hub process resident memory: {startMemory.Now:0} MiB at start, {warmMemory.Now:0} MiB after the warm-up, {endMemory.Now:0} MiB at the end (peak {endMemory.Peak:0} MiB), keeping up to {cacheRows:N0} rows");
Console.WriteLine(failures == 0
    ? $"checks: the hub and plain SQL agree on {compared} published figures of {sqlRuns} départements (stock at 31 December 2025, attributions of 2025); {pastState.Count + 5} past states right{(smoke ? "; set-based rebuild equals the page replay" : "")}"
    : $"checks: {failures} FAILED");

await hub.DisposeAsync();
await connection.CloseAsync();
if (!keep && reuse is null)
{
    await BenchDatabase.DropAsync(connectionString);
}

return failures == 0 ? 0 : 1;
