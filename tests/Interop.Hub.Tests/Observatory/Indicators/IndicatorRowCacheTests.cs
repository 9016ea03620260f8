using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Observatory;
using Interop.Hub.Projections;
using Interop.Hub.Storage.Statistics;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// The family rows a hub process keeps between calls (<see cref="IndicatorRowCache"/>) never make an answer differ
/// from a cold read's: after new changes are projected, by this process or by another replica, after a rebuild,
/// and with a bound small enough to drop territories all the time. The cold answer is a replica on the same
/// database that keeps nothing (<c>Interop:IndicatorCacheRows</c> 0), asked in the same state.
/// </summary>
public sealed class IndicatorRowCacheTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 3, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task GetTerritoryIndicators_AfterChangesProjectedByThisHubOrAnother_EqualsAColdRead()
    {
        await using var writer = await HubHost.StartAsync("indicator-cache-replicas", Start, Settings());
        await using var reader = await HubHost.StartAsync("indicator-cache-replicas", Start, Settings(), database: writer.ConnectionString);
        await using var cold = await ColdReplicaAsync(writer);
        var history = new RandomHistory(writer, seed: 8);
        var runner = writer.Services.GetRequiredService<ProjectionRunner>();
        var changed = 0;
        IReadOnlyList<TerritoryIndicators>? before = null;
        for (var round = 0; round < 4; round++)
        {
            await history.RunAsync(steps: 25);
            await runner.CatchUpAsync(CancellationToken.None);
            Follow(writer, reader, cold);
            var expected = await AnswersAsync(cold);
            Assert.Equal(expected, await AnswersAsync(writer));
            Assert.Equal(expected, await AnswersAsync(reader));

            // Asked twice, the second time from what was kept (not a row read again): still the same.
            var read = RowsRead(reader);
            Assert.Equal(expected, await AnswersAsync(reader));
            Assert.Equal(read, RowsRead(reader));
            Assert.True(Rows(reader) > 0, "the reader kept nothing: the test compares two cold reads");
            if (before is not null && !SameFigures(before, expected))
            {
                changed++;
            }

            before = expected;
        }

        Assert.True(changed >= 2, $"the figures changed in only {changed} of 3 rounds: the kept rows were hardly put to the test");
    }

    [Fact]
    public async Task GetTerritoryIndicators_AfterOneRegistration_ReadsAgainOnlyItsMonthAndEqualsAColdRead()
    {
        await using var hub = await HubHost.StartAsync("indicator-cache-month", Start, Settings());
        await using var cold = await ColdReplicaAsync(hub);
        await new RandomHistory(hub, seed: 11).RunAsync(steps: 80);
        var runner = hub.Services.GetRequiredService<ProjectionRunner>();
        await runner.CatchUpAsync(CancellationToken.None);
        Follow(hub, cold);
        var first = await AnswersAsync(hub);
        var firstRead = RowsRead(hub);

        // One registration in 14118 and 14327 today: the current month of those communes, their EPCI, the
        // département and the file changes, nothing else.
        await new RegistryService.RegistryServiceClient(hub.Calls).CreateApplicationAsync(TestApplications.Create());
        await runner.CatchUpAsync(CancellationToken.None);
        var before = RowsRead(hub);
        var expected = await AnswersAsync(cold);
        Assert.Equal(expected, await AnswersAsync(hub));
        Assert.False(SameFigures(first, expected), "the registration changed no figure");
        Assert.InRange(RowsRead(hub) - before, 1, firstRead / 5);
    }

    [Fact]
    public async Task GetTerritoryIndicators_AfterARebuild_EqualsAColdRead()
    {
        await using var hub = await HubHost.StartAsync("indicator-cache-rebuild", Start, Settings());
        await using var cold = await ColdReplicaAsync(hub);
        await new RandomHistory(hub, seed: 9).RunAsync(steps: 80);
        var runner = hub.Services.GetRequiredService<ProjectionRunner>();
        await runner.CatchUpAsync(CancellationToken.None);

        // Rebuilt once already, as after a RebuildIndicators: no territory has been written since, so only the
        // generation tells the second rebuild's rows from the first's.
        await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);

        // What a counting mistake left in the tables (the file and the département lost their new applications),
        // which only a rebuild repairs: read, and kept, before the rebuild.
        await using (var connection = new NpgsqlConnection(hub.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(IndicatorStore.VersionedWriter, transaction: transaction);
            var spoiled = await connection.ExecuteAsync(
                "DELETE FROM indicator_flows WHERE territory IN ('F', 'D:14') AND indicator = 'new'", transaction: transaction);
            Assert.True(spoiled > 0, "no new application was counted: nothing to spoil");
            await transaction.CommitAsync();
        }

        Follow(hub, cold);
        var spoiledAnswers = await AnswersAsync(hub);
        Assert.Equal(await AnswersAsync(cold), spoiledAnswers);

        await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);
        var rebuilt = await AnswersAsync(cold);
        Assert.False(SameFigures(spoiledAnswers, rebuilt), "the rebuild changed no figure");
        Assert.Equal(rebuilt, await AnswersAsync(hub));
    }

    [Fact]
    public async Task AWriterThatDoesNotKeepTheVersions_IsRefusedAndChangesNothing()
    {
        // What a replica still on the code before migration 0020 does during a rolling upgrade: it counts a page
        // without moving the versions, so the other replicas would go on serving the rows they kept.
        await using var hub = await HubHost.StartAsync("indicator-cache-fence", Start, Settings());
        await new RandomHistory(hub, seed: 5).RunAsync(steps: 20);
        await hub.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        const string sum = "SELECT coalesce(sum(count), 0) FROM indicator_flows WHERE territory = 'F'";
        var before = await connection.ExecuteScalarAsync<long>(sum);
        Assert.True(before > 0, "nothing was counted: the write below would prove nothing");

        foreach (var write in new[]
        {
            "UPDATE indicator_flows SET count = count + 1 WHERE territory = 'F'",
            "INSERT INTO indicator_stock_by_kind (territory, month, typology, transfer, delta) VALUES ('F', '2024-01-01', 1, false, 1)",
            "DELETE FROM indicator_stock WHERE territory = 'F'",
            "TRUNCATE indicator_stock_by_filing",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(write));
            Assert.Equal(PostgresErrorCodes.ObjectNotInPrerequisiteState, refused.SqlState);
            Assert.Contains("upgrade this replica", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal(before, await connection.ExecuteScalarAsync<long>(sum));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM indicator_stock_by_filing") > 0, "the truncate went through");
    }

    [Fact]
    public async Task GetTerritoryIndicators_WithASmallBound_KeepsWithinItAndEqualsAColdRead()
    {
        const long bound = 100;
        await using var hub = await HubHost.StartAsync(
            "indicator-cache-bound", Start, Settings(bound.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var cold = await ColdReplicaAsync(hub);
        var history = new RandomHistory(hub, seed: 10);
        var runner = hub.Services.GetRequiredService<ProjectionRunner>();
        var cache = hub.Services.GetRequiredService<IndicatorRowCache>();
        Assert.Equal(bound, cache.MaxRows);
        long stored = 0;
        for (var round = 0; round < 2; round++)
        {
            await history.RunAsync(steps: 50);
            await runner.CatchUpAsync(CancellationToken.None);
            Follow(hub, cold);
            var expected = await AnswersAsync(cold);
            foreach (var (request, answer) in Requests(hub).Zip(expected))
            {
                Assert.Equal(answer, await Client(hub).GetTerritoryIndicatorsAsync(request));
                Assert.InRange(cache.Rows, 0, bound);
            }

            await using var connection = new NpgsqlConnection(hub.ConnectionString);
            stored = await connection.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM indicator_stock) + (SELECT count(*) FROM indicator_flows)");
        }

        Assert.True(cache.Rows > 0, "nothing kept at all");
        Assert.True(stored > 3 * bound, $"the tables hold {stored} rows: the bound of {bound} was not pressed");
    }

    private static Task<HubHost> ColdReplicaAsync(HubHost hub) => HubHost.StartAsync(
        "indicator-cache-cold", Start, Settings(cacheRows: "0"), database: hub.ConnectionString);

    // Up to three replicas share an organisation's call budget (ReplicaShareBucket), and the random history
    // writes as fast as it can: the budget is not what these tests are about.
    private static Dictionary<string, string> Settings(string? cacheRows = null)
    {
        var settings = new Dictionary<string, string> { ["Interop:RateLimitPerSecond"] = "100000", ["Interop:RateLimitBurst"] = "100000" };
        if (cacheRows is not null)
        {
            settings["Interop:IndicatorCacheRows"] = cacheRows;
        }

        return settings;
    }

    // Replicas on one database, each with its own fake clock: all at the first one's time, so "today" is the same.
    private static void Follow(HubHost leader, params HubHost[] others)
    {
        foreach (var other in others)
        {
            other.Clock.SetUtcNow(leader.Clock.GetUtcNow());
        }
    }

    private static long Rows(HubHost hub) => hub.Services.GetRequiredService<IndicatorRowCache>().Rows;

    private static long RowsRead(HubHost hub) => hub.Services.GetRequiredService<IndicatorRowCache>().RowsRead;

    private static Contracts.V1.ObservatoryService.ObservatoryServiceClient Client(HubHost hub) => new(hub.Admin);

    private static async Task<IReadOnlyList<TerritoryIndicators>> AnswersAsync(HubHost hub)
    {
        var answers = new List<TerritoryIndicators>();
        foreach (var request in Requests(hub))
        {
            answers.Add(await Client(hub).GetTerritoryIndicatorsAsync(request));
        }

        return answers;
    }

    // Every level, years since the start and the months of the last year: the communes of RandomHistory, their
    // EPCI, their département and the file.
    private static IEnumerable<GetTerritoryIndicatorsRequest> Requests(HubHost hub)
    {
        var today = Core.Time.FrenchCalendar.Today(hub.Clock);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var territories = new (TerritoryLevel Level, string Code)[]
        {
            (TerritoryLevel.Commune, "14118"), (TerritoryLevel.Commune, "14327"), (TerritoryLevel.Commune, "14366"),
            (TerritoryLevel.Epci, NestedTerritoriesHistory.CaenLaMer), (TerritoryLevel.Departement, "14"), (TerritoryLevel.File, ""),
        };
        foreach (var (level, code) in territories)
        {
            yield return TerritoryIndicatorsTests.Request(level, code, IndicatorPeriod.Year, new DateOnly(2024, 1, 1), today);
            yield return TerritoryIndicatorsTests.Request(level, code, IndicatorPeriod.Month, yearStart, today);
        }
    }

    // The figures only: counted_through moves with every change even where no figure does.
    private static bool SameFigures(IReadOnlyList<TerritoryIndicators> a, IReadOnlyList<TerritoryIndicators> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Periods.Equals(p.Second.Periods));
}
