using System.Data;
using System.Diagnostics;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Observatory;
using Interop.Hub.Storage.Projections;
using Interop.Hub.Storage.Statistics;
using Npgsql;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// Counts the loaded history into the indicator tables: the projection's page replay timed on a sample (on the
/// whole history in the smoke run), then the set-based rebuild exactly as the hub's runner runs it for
/// RebuildIndicators (ProjectionRunner.RebuildFromSnapshotAsync: the checkpoint's lock, the feed head, the rebuild,
/// the checkpoint moved to that head, in one REPEATABLE READ transaction), so that a hub started on the database
/// finds its projection at the head and counts nothing again.
/// </summary>
internal static class IndicatorCounting
{
    /// <returns>How many checks failed.</returns>
    public static async Task<int> RunAsync(NpgsqlConnection connection, string connectionString, EpciDirectory epcis, long rows, bool smoke)
    {
        var store = new IndicatorStore();

        // The per-change path (the projection's page replay), timed on a sample: on the whole file it would take hours.
        // The smoke run replays the whole history, so the set-based rebuild can be checked against it row for row.
        var sample = smoke ? rows : Math.Min(rows, 30_000);
        var clock = Stopwatch.StartNew();
        var replayed = await IndicatorBuild.RunAsync(connectionString, store, epcis, sample);
        var replayRate = replayed / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"page replay: {replayed:N0} changes counted in {clock.Elapsed.TotalSeconds:0.0} s ({replayRate:N0} changes/s, pages of {IndicatorBuild.PageSize})");
        var replayedTables = smoke ? await IndicatorTables.SnapshotAsync(connection) : null;

        clock.Restart();
        var projections = new ProjectionStore();
        long counted;
        await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead))
        {
            var now = DateTimeOffset.UtcNow;
            _ = await projections.TryLockAsync(transaction, IndicatorProjection.ProjectionName, now, CancellationToken.None)
                ?? throw new InvalidOperationException("the indicator projection's checkpoint is locked: is a hub running on this database?");
            var head = await projections.FeedHeadAsync(connection, CancellationToken.None);
            counted = await new IndicatorRebuild().RunAsync(transaction, head, epcis, CancellationToken.None);
            await projections.AdvanceAsync(transaction, IndicatorProjection.ProjectionName, head, now, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var buildSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"set-based rebuild: {counted:N0} changes counted in {buildSeconds:0.0} s ({counted / buildSeconds:N0} changes/s, {counted / buildSeconds / replayRate:N0}× the page replay); {await IndicatorTables.SizesAsync(connection)}; load average {LoadAverage.Now()}");
        var failures = 0;
        if (replayedTables is not null)
        {
            var rebuiltTables = await IndicatorTables.SnapshotAsync(connection);
            if (!replayedTables.SequenceEqual(rebuiltTables))
            {
                failures++;
                Console.WriteLine($"CHECK FAILED: set-based rebuild differs from the page replay: {replayedTables.Except(rebuiltTables).Count()} rows only replayed, {rebuiltTables.Except(replayedTables).Count()} only rebuilt");
            }

            var holders = await BenchDatabase.CountAsync(connection, $"SELECT count(DISTINCT dimension) FROM indicator_flows WHERE indicator = '{FlowIndicator.AttributedByHolder}' AND dimension <> ''");
            if (holders < 6)
            {
                failures++;
                Console.WriteLine($"CHECK FAILED: attributions by reservation holder: {holders} holders counted, 6 expected");
            }
        }

        // As autovacuum would after such a load: the readers' plans need the new tables' statistics.
        await BenchDatabase.ExecuteAsync(connection, "ANALYZE indicator_stock; ANALYZE indicator_flows; ANALYZE indicator_applications");
        return failures;
    }
}
