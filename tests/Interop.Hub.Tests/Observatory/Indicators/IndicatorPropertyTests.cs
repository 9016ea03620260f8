using System.Globalization;
using Dapper;
using Interop.Hub.Core.History;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Observatory;
using Interop.Hub.Projections;
using Interop.Hub.Storage.History;
using Interop.Hub.Storage.Statistics;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// After a random history, the tables kept page by page from the feed (the counter, which owns what each
/// change counts) equal the tables rebuilt set-based from the history (IndicatorRebuild), and both agree, month by month, with figures computed another way from the durable
/// history: the stock at each month's end by the plain SQL of <see cref="StockStore"/>, the flows by the
/// reference <see cref="IndicatorCalculator"/>.
/// </summary>
public sealed class IndicatorPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AfterARandomHistory_IncrementalTablesEqualRebuiltOnes_AndTheReferenceComputations(int seed)
    {
        await using var hub = await HubHost.StartAsync("indicator-property-" + seed, new DateTimeOffset(2024, 1, 3, 9, 0, 0, TimeSpan.FromHours(1)));
        var runner = hub.Services.GetRequiredService<ProjectionRunner>();

        await new RandomHistory(hub, seed).RunAsync(steps: 120);
        await runner.CatchUpAsync(CancellationToken.None);
        var incremental = await IndicatorTables.SnapshotAsync(hub);
        await runner.RebuildAsync(IndicatorProjection.ProjectionName, CancellationToken.None);
        var rebuilt = await IndicatorTables.SnapshotAsync(hub);

        Assert.True(incremental.Count > 100, $"only {incremental.Count} rows counted");
        Assert.Equal(incremental, rebuilt);
        await AgreesWithReferencesAsync(hub);
    }

    private static async Task AgreesWithReferencesAsync(HubHost hub)
    {
        var store = hub.Services.GetRequiredService<IndicatorStore>();
        var stock = hub.Services.GetRequiredService<StockStore>();
        var history = hub.Services.GetRequiredService<HistoryStore>();
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync();
        var numbers = (await connection.QueryAsync<string>("SELECT number FROM applications")).ToList();
        var entries = new List<HistoryEntry>();
        foreach (var number in numbers)
        {
            entries.AddRange(await history.ForApplicationAsync(connection, number, CancellationToken.None));
        }

        var today = Core.Time.FrenchCalendar.Today(hub.Clock);
        var periods = IndicatorPeriods.Series(PeriodLength.Month, new DateOnly(2024, 1, 1), today, today);
        var departement = IndicatorSeries.Build(
            periods,
            await store.MovementsAsync(connection, TerritoryKeys.Departement("14"), IndicatorCounter.MonthOf(today), CancellationToken.None),
            await store.FlowsAsync(connection, TerritoryKeys.Departement("14"), new DateOnly(2024, 1, 1), IndicatorCounter.MonthOf(today), CancellationToken.None),
            threshold: 1);
        var commune = IndicatorSeries.Build(
            periods,
            await store.MovementsAsync(connection, TerritoryKeys.Commune("14327"), IndicatorCounter.MonthOf(today), CancellationToken.None),
            [],
            threshold: 1);
        Assert.True(departement.Sum(p => p.Attributions.Count) > 0 && departement.Sum(p => p.Radiations.Count) > departement.Sum(p => p.Attributions.Count), "the history had no attribution or no other radiation");

        for (var i = 0; i < periods.Count; i++)
        {
            var (from, to) = periods[i];
            var label = from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var reference = IndicatorCalculator.Compute(entries, from, to);
            var figures = departement[i];
            Assert.Equal((label, (long)reference.NewApplications, (long)reference.Renewals), (label, figures.NewApplications.Count!.Value, figures.Renewals.Count!.Value));
            Assert.Equal(
                (label, Render(reference.RadiationsByReason.ToDictionary(p => p.Key.ToString(), p => (long)p.Value))),
                (label, Render(figures.RadiationsByReason.ToDictionary(p => p.Key.ToString(), p => p.Value.Count!.Value))));
            Assert.Equal(
                (label, Render(reference.AttributionsByTypology.ToDictionary(p => p.Key.ToString(), p => (long)p.Value))),
                (label, Render(figures.AttributionsByTypology.ToDictionary(p => p.Key.ToString(), p => p.Value.Count!.Value))));
            Assert.Equal(
                (label, Render(reference.StockByTypology.ToDictionary(p => p.Key.ToString(), p => (long)p.Value))),
                (label, Render(figures.ActiveByTypology.ToDictionary(p => p.Key.ToString(), p => p.Value.Count!.Value))));

            // The stock of a commune wished, against the plain SQL over the history.
            var groups = await stock.ByCommuneAsync(connection, Core.Time.FrenchCalendar.StartOf(to.AddDays(1)), CancellationToken.None);
            var plain = groups.Where(g => g.Territory == "14327")
                .GroupBy(g => NeededTypologies.Of(g.HouseholdSize, g.CoApplicant, g.Children).ToString())
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
            Assert.Equal((label, Render(plain)), (label, Render(commune[i].ActiveByTypology.ToDictionary(p => p.Key.ToString(), p => p.Value.Count!.Value))));
        }
    }

    private static string Render(Dictionary<string, long> counts) =>
        string.Join(" ", counts.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));
}
