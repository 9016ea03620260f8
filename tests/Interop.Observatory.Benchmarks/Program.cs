using System.Diagnostics;
using System.Globalization;
using Interop.Hub.Core.History;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Core.Time;
using Interop.Hub.Storage.History;
using Interop.Hub.Storage.Migrations;
using Interop.Hub.Storage.Statistics;
using Interop.Observatory.Benchmarks;
using Interop.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Entry point: `dotnet run -c Release --project tests/Interop.Observatory.Benchmarks -- [--size 3000000] [--smoke]`.
// Needs INTEROP_TEST_POSTGRES (an admin connection string): a throwaway database is made on that cluster, migrated
// like a hub's. Loads N applications' histories by COPY, counts them into the indicator tables set-based as the
// hub's RebuildIndicators does (the projection's page replay timed on a sample beside it; on the whole history in
// the smoke run, where both must give the same tables), then times one territory's indicators from the tables
// (p50/p99) against the same figures computed by a plain SQL aggregate over the history, in the same run, and
// checks they agree; and times the state at a date of one application with 100 changes. Exit codes: 0 figures
// printed and checks agreed, 1 a check disagreed, 2 bad arguments. `--smoke` runs every phase on 2 000
// applications (deploy/test.sh does).
var size = 3_000_000;
var smoke = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--smoke":
            smoke = true;
            size = 2_000;
            break;
        case "--size" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
            size = n;
            i++;
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'. Usage: [--size N] [--smoke]");
            return 2;
    }
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

var connectionString = await TestPostgres.CreateDatabaseAsync("observatorybench");
await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();

// The synthetic history has no `applications` rows behind it: this throwaway database lets it stand alone.
await using (var unlink = new NpgsqlCommand("ALTER TABLE application_history DROP CONSTRAINT application_history_application_number_fkey", connection))
{
    await unlink.ExecuteNonQueryAsync();
}

var clock = Stopwatch.StartNew();
var rows = await SyntheticHistory.LoadAsync(connection, size);
await using (var analyze = new NpgsqlCommand("ANALYZE application_history", connection) { CommandTimeout = 0 })
{
    await analyze.ExecuteNonQueryAsync();
}

Console.WriteLine($"setup: {size:N0} applications, {rows:N0} history rows loaded by COPY in {clock.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores");

// Two EPCIs per département (communes 001-006 and 007-012), so EPCI rows are counted as in a hub with the geography.
var epcis = new EpciDirectory(SyntheticHistory.Departements
    .SelectMany(d => new[] { ($"2000000{d}", Enumerable.Range(1, 6)), ($"2000001{d}", Enumerable.Range(7, 6)) })
    .ToDictionary(e => e.Item1, e => (IReadOnlyList<string>)e.Item2.Select(c => e.Item1[^2..] + c.ToString("D3", CultureInfo.InvariantCulture)).ToList()));
var store = new IndicatorStore();

// The per-change path (the projection's page replay), timed on a sample: on the whole file it would take hours.
// The smoke run replays the whole history, so the set-based rebuild can be checked against it row for row.
var sample = smoke ? rows : Math.Min(rows, 30_000);
clock.Restart();
var replayed = await IndicatorBuild.RunAsync(connectionString, store, epcis, sample);
var replayRate = replayed / clock.Elapsed.TotalSeconds;
Console.WriteLine($"page replay: {replayed:N0} changes counted in {clock.Elapsed.TotalSeconds:0.0} s ({replayRate:N0} changes/s, pages of {IndicatorBuild.PageSize})");
var replayedTables = smoke ? await IndicatorTables.SnapshotAsync(connection) : null;

// The set-based rebuild, as RebuildIndicators runs it: one REPEATABLE READ transaction (no change in the feed
// here: every revision counts as pruned, head 0).
clock.Restart();
long counted;
await using (var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead))
{
    counted = await new IndicatorRebuild().RunAsync(transaction, head: 0, epcis, CancellationToken.None);
    await transaction.CommitAsync();
}

var buildSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"set-based rebuild: {counted:N0} changes counted in {buildSeconds:0.0} s ({counted / buildSeconds:N0} changes/s, {counted / buildSeconds / replayRate:N0}× the page replay); {await IndicatorTables.SizesAsync(connection)}");
if (replayedTables is not null)
{
    var rebuiltTables = await IndicatorTables.SnapshotAsync(connection);
    Check(
        replayedTables.SequenceEqual(rebuiltTables),
        $"set-based rebuild differs from the page replay: {replayedTables.Except(rebuiltTables).Count()} rows only replayed, {rebuiltTables.Except(replayedTables).Count()} only rebuilt");
}

// As autovacuum would after such a load: the readers' plans need the new tables' statistics.
await using (var analyze = new NpgsqlCommand("ANALYZE indicator_stock; ANALYZE indicator_flows", connection) { CommandTimeout = 0 })
{
    await analyze.ExecuteNonQueryAsync();
}

// 1. One territory's indicators from the tables, as GetTerritoryIndicators reads them.
var today = new DateOnly(2026, 1, 31);
var random = new Random(11);
var territories = SyntheticHistory.Departements.Select(TerritoryKeys.Departement)
    .Concat(SyntheticHistory.Departements.Select(d => TerritoryKeys.Commune(d + "001")))
    .Append(TerritoryKeys.File)
    .ToList();
async Task<IReadOnlyList<PeriodFigures>> IndicatorsAsync(string territory, PeriodLength length, int threshold = SmallCellSuppression.DefaultThreshold)
{
    var periods = IndicatorPeriods.Series(length, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), today);
    var movements = await store.MovementsAsync(connection, territory, IndicatorCounter.MonthOf(periods[^1].To), CancellationToken.None);
    var flows = await store.FlowsAsync(connection, territory, IndicatorCounter.MonthOf(periods[0].From), IndicatorCounter.MonthOf(periods[^1].To), CancellationToken.None);
    return IndicatorSeries.Build(periods, movements, flows, threshold);
}

var runs = smoke ? 20 : 200;
var yearly = new List<double>();
var monthly = new List<double>();
var fileYearly = new List<double>();
for (var i = 0; i < runs + 5; i++)
{
    var territory = territories[random.Next(territories.Count - 1)];
    clock.Restart();
    await IndicatorsAsync(territory, PeriodLength.Year);
    var yearMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    await IndicatorsAsync(territory, PeriodLength.Month);
    var monthMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    await IndicatorsAsync(TerritoryKeys.File, PeriodLength.Year);
    var fileMs = clock.Elapsed.TotalMilliseconds;

    // The first five warm up (JIT, plans, caches) and are not counted.
    if (i >= 5)
    {
        yearly.Add(yearMs);
        monthly.Add(monthMs);
        fileYearly.Add(fileMs);
    }
}

// 2. The same figures by a plain SQL aggregate over the history: the stock at 31 December 2025 of a département
// (each application's last revision before it) and its attributions of 2025, the pressure's two terms.
var sqlRuns = smoke ? 3 : 5;
var sql = new List<double>();
var end = FrenchCalendar.StartOf(new DateOnly(2026, 1, 1));
var start = FrenchCalendar.StartOf(new DateOnly(2025, 1, 1));
for (var i = 0; i < sqlRuns; i++)
{
    var departement = SyntheticHistory.Departements[i % SyntheticHistory.Departements.Length];
    clock.Restart();
    await using var plain = new NpgsqlCommand("""
        WITH states AS (
            SELECT DISTINCT ON (application_number) facts
            FROM application_history
            WHERE departement = @departement AND occurred_at < @end
            ORDER BY application_number, revision DESC)
        SELECT (SELECT count(*) FROM states WHERE facts ->> 'status' = 'active'),
               (SELECT count(*) FROM application_history
                WHERE departement = @departement AND kind = 'radiated' AND facts ->> 'radiationReason' = 'RADATT'
                  AND occurred_at >= @start AND occurred_at < @end)
        """, connection) { CommandTimeout = 0 };
    plain.Parameters.AddWithValue("departement", departement);
    plain.Parameters.AddWithValue("end", end.UtcDateTime);
    plain.Parameters.AddWithValue("start", start.UtcDateTime);
    long active, attributions;
    await using (var reader = await plain.ExecuteReaderAsync())
    {
        await reader.ReadAsync();
        (active, attributions) = (reader.GetInt64(0), reader.GetInt64(1));
    }

    sql.Add(clock.Elapsed.TotalMilliseconds);
    var year2025 = (await IndicatorsAsync(TerritoryKeys.Departement(departement), PeriodLength.Year, threshold: 1))[^1];
    Check(
        year2025.Active.Count == active && year2025.Attributions.Count == attributions,
        $"département {departement}, 2025: tables say {year2025.Active.Count} active / {year2025.Attributions.Count} attributions, SQL {active} / {attributions}");
}

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

Console.WriteLine();
Console.WriteLine($"Observatory over {size:N0} applications ({rows:N0} changes), {runs} runs per measure ({sqlRuns} for plain SQL):");
Console.WriteLine();
Console.WriteLine("| measure | p50 | p99 |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| indicators of a département or commune, 5 years by year (tables) | {Figures.Ms(Figures.Percentile(yearly, 50))} | {Figures.Ms(Figures.Percentile(yearly, 99))} |");
Console.WriteLine($"| indicators of a département or commune, 60 months (tables) | {Figures.Ms(Figures.Percentile(monthly, 50))} | {Figures.Ms(Figures.Percentile(monthly, 99))} |");
Console.WriteLine($"| indicators of the whole file, 5 years by year (tables) | {Figures.Ms(Figures.Percentile(fileYearly, 50))} | {Figures.Ms(Figures.Percentile(fileYearly, 99))} |");
Console.WriteLine($"| stock at 31 Dec + attributions of the year of a département (plain SQL over the history) | {Figures.Ms(Figures.Percentile(sql, 50))} | {Figures.Ms(Figures.Percentile(sql, 99))} |");
Console.WriteLine($"| state at a date of one application with 100 changes | {Figures.Ms(Figures.Percentile(pastState, 50))} | {Figures.Ms(Figures.Percentile(pastState, 99))} |");
Console.WriteLine();
Console.WriteLine(failures == 0
    ? $"checks: tables and plain SQL agree on {sqlRuns} départements' stock and attributions; {pastState.Count + 5} past states right{(smoke ? "; set-based rebuild equals the page replay" : "")}"
    : $"checks: {failures} FAILED");
return failures == 0 ? 0 : 1;
