using Dapper;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Observatory;
using Interop.Hub.Projections;
using Interop.Hub.Storage.Statistics;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// The family read (<see cref="IndicatorRowCache.CountsAsync"/>) gives the asked territory its rows as stored, and
/// every other territory rows that lay out into year tables with exactly the cells of its stored rows: the
/// suppression, which weighs those cells only, decides as it would over the stored rows. Read cold (nothing kept) and
/// again from what the first read kept.
/// </summary>
public sealed class FamilyReadTests
{
    [Fact]
    public async Task CountsAsync_OtherTerritories_GiveTheSameCellsAsTheirStoredRows()
    {
        await using var hub = await HubHost.StartAsync("indicator-family-read", new DateTimeOffset(2024, 1, 3, 9, 0, 0, TimeSpan.FromHours(1)));
        await new RandomHistory(hub, seed: 4).RunAsync(steps: 120);
        var runner = hub.Services.GetRequiredService<ProjectionRunner>();
        await runner.CatchUpAsync(CancellationToken.None);
        await SameCellsAsync(hub);

        // The marginals the rebuild writes, set-based, read back the same.
        await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);
        await SameCellsAsync(hub);
    }

    private static async Task SameCellsAsync(HubHost hub)
    {
        var store = hub.Services.GetRequiredService<IndicatorStore>();
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync();
        var territories = (await connection.QueryAsync<string>("SELECT DISTINCT territory FROM indicator_stock ORDER BY 1")).ToList();
        var today = Core.Time.FrenchCalendar.Today(hub.Clock);
        var (first, last) = (new DateOnly(2024, 1, 1), IndicatorCounter.MonthOf(today));
        Assert.True(territories.Count >= 5, $"only {territories.Count} territories counted");

        foreach (var detailed in new[] { TerritoryKeys.Departement("14"), TerritoryKeys.Commune("14327") })
        {
            var rows = new IndicatorRowCache();
            var (read, _) = await rows.CountsAsync(connection, detailed, territories, first, last, CancellationToken.None);
            var readRows = rows.RowsRead;
            var (kept, _) = await rows.CountsAsync(connection, detailed, territories, first, last, CancellationToken.None);
            Assert.Equal(readRows, rows.RowsRead);
            foreach (var territory in territories)
            {
                Assert.Equal(read.GetValueOrDefault(territory)?.Movements, kept.GetValueOrDefault(territory)?.Movements);
                Assert.Equal(read.GetValueOrDefault(territory)?.Flows, kept.GetValueOrDefault(territory)?.Flows);
                var stored = new TerritoryCounts(
                    await store.MovementsAsync(connection, territory, last, CancellationToken.None),
                    await store.FlowsAsync(connection, territory, first, last, CancellationToken.None));
                for (var year = first.Year; year <= today.Year; year++)
                {
                    var expected = YearTables.Of(stored, year, today);
                    var actual = YearTables.Of(read.GetValueOrDefault(territory) ?? TerritoryCounts.None, year, today);
                    Assert.Equal(expected.Select(t => (t.From, t.To, string.Join(' ', t.Values))), actual.Select(t => (t.From, t.To, string.Join(' ', t.Values))));
                    if (territory == detailed)
                    {
                        Assert.Equal(expected.Select(Distributions), actual.Select(Distributions));
                    }
                }
            }
        }
    }

    private static string Distributions(IndicatorTable table) =>
        string.Join(' ', table.Seniorities.Order()) + " | " + string.Join(' ', table.Delays.Order());
}
