using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Core.Tests.Statistics.Indicators;

/// <summary>
/// The fast layout and decision give exactly what the rule as first written gives
/// (<see cref="ReferenceSuppression"/>), on random families of small counts, where suppression has the most to do.
/// </summary>
public sealed class FastSuppressionTests
{
    private static readonly DateOnly Today = new(2026, 5, 17);

    private static readonly string[] Dimensions = [.. IndicatorCells.Reasons.Select(r => r.ToString()), "1", "3", "6", "9", "", "unknown", .. Holders()];

    private static readonly string[] Indicators =
    [
        FlowIndicator.New, FlowIndicator.Renewed, FlowIndicator.Radiated, FlowIndicator.Attributed, FlowIndicator.AttributedByHolder,
        FlowIndicator.AttributedPriority, FlowIndicator.AttributionDelay, FlowIndicator.OfferRefused,
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void YearCells_HoldTheValuesOfYearTables(int seed)
    {
        var random = new Random(seed);
        for (var territory = 0; territory < 20; territory++)
        {
            var counts = RandomCounts(random, scale: 1 + (territory % 4 * 10));
            foreach (var year in new[] { 2023, 2024, 2025, 2026, 2027 })
            {
                var expected = YearTables.Of(counts, year, Today).SelectMany(t => t.Values).ToArray();

                Assert.Equal(expected, YearCells.Of(counts, year, Today));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void EveryMemberOfAChain_IsDecidedAsTheReferenceDecidesIt(int seed)
    {
        var random = new Random(seed);
        var (chain, counts) = RandomChain(random);
        var withheld = 0;
        foreach (var territory in chain[^1].Members.Concat(chain[0].Members))
        {
            var years = new[] { 2024, 2025, 2026 };
            var expected = ReferenceSuppression.ForTerritory(territory, chain, counts, years, Today, SmallCellSuppression.DefaultThreshold);
            var actual = CrossCallSuppression.ForTerritory(territory, chain, counts, years, Today);

            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (period, decision) in expected)
            {
                Assert.Equal(decision.Suppressed, actual[period].Suppressed);
                Assert.Equal(decision.Table.Values, actual[period].Table.Values);
                Assert.Equal(decision.Table.Seniorities, actual[period].Table.Seniorities);
                Assert.Equal(decision.Table.Delays, actual[period].Table.Delays);
                withheld += decision.Suppressed.Count(s => s);
            }
        }

        // The case is worth something only if the rule had cells to withhold.
        Assert.True(withheld > 100, $"{withheld} cells withheld");
    }

    // The file and two départements; two EPCIs of the first; three communes of the first EPCI, one without a row.
    private static (IReadOnlyList<SuppressionFamily> Chain, Dictionary<string, TerritoryCounts> Counts) RandomChain(Random random)
    {
        var (file, d14, d61) = (TerritoryKeys.File, TerritoryKeys.Departement("14"), TerritoryKeys.Departement("61"));
        var (e1, e2) = (TerritoryKeys.Epci("200000001"), TerritoryKeys.Epci("200000002"));
        var (c1, c2, c3) = (TerritoryKeys.Commune("14001"), TerritoryKeys.Commune("14002"), TerritoryKeys.Commune("14003"));
        IReadOnlyList<SuppressionFamily> chain =
        [
            new([file, d14, d61], file, null, new Dictionary<string, IReadOnlyList<string>> { [d14] = [file], [d61] = [file] }),
            new([e1, e2], null, d14, new Dictionary<string, IReadOnlyList<string>> { [e1] = [d14, file], [e2] = [d14, file] }),
            new([c1, c2, c3], null, e1, new Dictionary<string, IReadOnlyList<string>> { [c1] = [e1, d14, file], [c2] = [e1, d14, file], [c3] = [e1, d14, file] }),
        ];
        var counts = new Dictionary<string, TerritoryCounts>
        {
            [file] = RandomCounts(random, 40), [d14] = RandomCounts(random, 25), [d61] = RandomCounts(random, 15),
            [e1] = RandomCounts(random, 12), [e2] = RandomCounts(random, 10), [c1] = RandomCounts(random, 4), [c2] = RandomCounts(random, 2),
        };
        return (chain, counts);
    }

    // Movements over 2019–2026 (filed as far back as 2000, as the marginals lay them out) and flows of every
    // indicator, known dimensions and others, counts around scale.
    private static TerritoryCounts RandomCounts(Random random, int scale)
    {
        var movements = new List<StockMovement>();
        for (var i = 0; i < 40 * scale; i++)
        {
            var month = new DateOnly(2019 + random.Next(8), 1 + random.Next(12), 1);
            var filed = random.Next(10) == 0 ? new DateOnly(2000, 1, 1) : month.AddMonths(-random.Next(80));
            var delta = random.Next(4) == 0 ? -random.Next(1, 3) : random.Next(1, 4);
            movements.Add(new StockMovement(month, NeededTypologies.All[random.Next(NeededTypologies.All.Count)], filed, random.Next(5) == 0, delta));
        }

        var flows = new List<FlowCount>();
        for (var i = 0; i < 30 * scale; i++)
        {
            var month = new DateOnly(2023 + random.Next(4), 1 + random.Next(12), 1);
            var indicator = Indicators[random.Next(Indicators.Length)];
            var dimension = indicator == FlowIndicator.AttributionDelay ? random.Next(60).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : indicator is FlowIndicator.New or FlowIndicator.Renewed or FlowIndicator.AttributedPriority or FlowIndicator.OfferRefused && random.Next(4) != 0 ? ""
                : Dimensions[random.Next(Dimensions.Length)];
            flows.Add(new FlowCount(month, indicator, dimension, random.Next(1, 1 + scale)));
        }

        return new TerritoryCounts(movements, flows);
    }

    private static IEnumerable<string> Holders() =>
        Enum.GetValues<ReservationHolder>().Where(h => h != ReservationHolder.Unspecified).Select(AttributionSneCodes.Of);
}
