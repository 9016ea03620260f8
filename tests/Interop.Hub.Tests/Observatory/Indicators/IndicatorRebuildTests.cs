using Dapper;
using Interop.Hub.Observatory;
using Interop.Hub.Projections;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// The set-based rebuild hands over to the incremental projection at the feed head its snapshot saw: after a
/// rebuild in the middle of a history, the changes that follow are counted once each, so the tables equal a
/// full rebuild at the end, whether the changes come after the rebuild or while it runs.
/// </summary>
public sealed class IndicatorRebuildTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task RebuildMidHistory_ThenMoreChanges_TablesEqualAFullRebuild(int seed)
    {
        await using var hub = await HubHost.StartAsync("indicator-rebuild-" + seed, new DateTimeOffset(2024, 1, 3, 9, 0, 0, TimeSpan.FromHours(1)));
        var runner = hub.Services.GetRequiredService<ProjectionRunner>();
        var history = new RandomHistory(hub, seed);

        await history.RunAsync(steps: 60);
        await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);
        var checkpoint = await CheckpointAsync(hub);
        await history.RunAsync(steps: 60);
        await runner.CatchUpAsync(CancellationToken.None);
        var continued = await IndicatorTables.SnapshotAsync(hub);
        await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);
        var full = await IndicatorTables.SnapshotAsync(hub);

        Assert.True(checkpoint > 0 && await CheckpointAsync(hub) > checkpoint, "the second half of the history wrote no change");
        Assert.True(full.Count > 100, $"only {full.Count} rows counted");
        Assert.Equal(full, continued);
    }

    [Fact]
    public async Task RebuildsWhileChangesAreWritten_CountEachChangeOnce()
    {
        await using var hub = await HubHost.StartAsync("indicator-rebuild-concurrent", new DateTimeOffset(2024, 1, 3, 9, 0, 0, TimeSpan.FromHours(1)));
        var runner = hub.Services.GetRequiredService<ProjectionRunner>();
        var history = new RandomHistory(hub, seed: 6);
        await history.RunAsync(steps: 40);

        // Rebuilds one after another for as long as the history is written, each one's snapshot cutting the
        // feed at a different point, beside the background projection and the history's own catch-ups.
        var writing = history.RunAsync(steps: 80);
        var rebuilds = 0;
        while (!writing.IsCompleted || rebuilds < 2)
        {
            await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);
            rebuilds++;
        }

        await writing;
        await runner.CatchUpAsync(CancellationToken.None);
        var continued = await IndicatorTables.SnapshotAsync(hub);
        await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);
        var full = await IndicatorTables.SnapshotAsync(hub);

        Assert.True(full.Count > 100, $"only {full.Count} rows counted");
        Assert.Equal(full, continued);
    }

    private static async Task<long> CheckpointAsync(HubHost hub)
    {
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT checkpoint_seq FROM projection_checkpoints WHERE projection = @projection", new { projection = IndicatorProjection.ProjectionName });
    }
}
