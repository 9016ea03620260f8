using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Core.Tests.Statistics.Indicators;

/// <summary>
/// The cross-call rule on new applications, the plainest flow: each case publishes what two calls would,
/// then subtracts their answers as a curious reader would.
/// </summary>
public sealed class CrossCallSuppressionTests
{
    private static readonly DateOnly Today = new(2026, 1, 10);

    [Fact]
    public void ATerritoryWhoseParentHasThreeMore_IsWithheld_AndTheParentPublished()
    {
        var (epci, departement) = Year2025(child: [(1, 20)], parent: [(1, 23)]);

        Assert.Equal((null, 23L), (epci.NewApplications.Count, departement.NewApplications.Count));
    }

    [Fact]
    public void ATerritoryEqualToItsParent_IsPublished_AZeroComplementPointsAtNoOne()
    {
        var (epci, departement) = Year2025(child: [(1, 20)], parent: [(1, 20)]);

        Assert.Equal((20L, 20L), (epci.NewApplications.Count, departement.NewApplications.Count));
    }

    [Fact]
    public void ATerritoryWhoseParentHasFiveMore_IsPublished()
    {
        var (epci, departement) = Year2025(child: [(1, 20)], parent: [(1, 25)]);

        Assert.Equal((20L, 25L), (epci.NewApplications.Count, departement.NewApplications.Count));
    }

    [Fact]
    public void AMonthThreeShortOfItsYear_IsWithheld_AndSoIsEveryMonthThatWouldGiveItBack()
    {
        var counts = Alone((1, 20), (3, 3));

        var months = Series(PeriodLength.Month, counts);
        var quarters = Series(PeriodLength.Quarter, counts);
        var year = Assert.Single(Series(PeriodLength.Year, counts));

        Assert.Equal(23L, year.NewApplications.Count);
        Assert.Equal(23L, quarters[0].NewApplications.Count);
        Assert.Equal([null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0], months.Select(m => m.NewApplications.Count));
        Assert.Equal([23L, 0, 0, 0], quarters.Select(q => q.NewApplications.Count));
    }

    [Fact]
    public void ASmallMonth_IsNotGivenBackByItsQuarterMinusTheOtherMonths()
    {
        // Q1 = 10 + 8 + 2: the 2 is withheld, so is the 8 beside it (the smallest non-zero), the quarter is published.
        var counts = Alone((1, 10), (2, 8), (3, 2), (7, 30));

        var months = Series(PeriodLength.Month, counts);
        var quarters = Series(PeriodLength.Quarter, counts);

        var published = months.Take(3).Where(m => !m.NewApplications.Suppressed).Sum(m => m.NewApplications.Count!.Value);
        Assert.Equal(2, months.Take(3).Count(m => m.NewApplications.Suppressed));
        Assert.Equal(20L, quarters[0].NewApplications.Count);
        // What a reader can subtract: the quarter minus the published January is February and March together.
        Assert.Equal(10L, quarters[0].NewApplications.Count!.Value - published);
        Assert.Equal((true, true), (months[1].NewApplications.Suppressed, months[2].NewApplications.Suppressed));
    }

    [Fact]
    public void ASmallDepartement_HidesASecondOne_SoTheFileMinusTheOthersDoesNotGiveItBack()
    {
        var counts = new Dictionary<string, TerritoryCounts>
        {
            [TerritoryKeys.File] = Counts((1, 33)),
            [TerritoryKeys.Departement("14")] = Counts((1, 20)),
            [TerritoryKeys.Departement("50")] = Counts((1, 10)),
            [TerritoryKeys.Departement("61")] = Counts((1, 3)),
        };

        var figures = new[] { "14", "50", "61" }.ToDictionary(d => d, d => Year(TerritoryKeys.Departement(d), counts));
        var file = Year(TerritoryKeys.File, counts);

        Assert.Equal(33L, file.NewApplications.Count);
        Assert.Equal((20L, null, null), (figures["14"].NewApplications.Count, figures["50"].NewApplications.Count, figures["61"].NewApplications.Count));
    }

    [Fact]
    public void TheDecision_IsTheSameWhateverWasAskedBefore_AndWhateverThePeriodLength()
    {
        var counts = new Dictionary<string, TerritoryCounts>
        {
            [TerritoryKeys.File] = Counts((1, 30), (2, 7), (3, 3), (5, 12)),
            [TerritoryKeys.Departement("14")] = Counts((1, 24), (2, 7), (5, 6)),
            [TerritoryKeys.Departement("61")] = Counts((1, 6), (3, 3), (5, 6)),
        };
        var chain = SuppressionFamilies.Of(TerritoryKeys.Departement("14"), EpciDirectory.Empty);

        var first = CrossCallSuppression.ForTerritory(TerritoryKeys.Departement("14"), chain, counts, [2025], Today);
        _ = CrossCallSuppression.ForTerritory(TerritoryKeys.Departement("61"), SuppressionFamilies.Of(TerritoryKeys.Departement("61"), EpciDirectory.Empty), counts, [2025], Today);
        _ = Series(PeriodLength.Year, counts, TerritoryKeys.File);
        var again = CrossCallSuppression.ForTerritory(TerritoryKeys.Departement("14"), chain, counts, [2025], Today);
        var months = Series(PeriodLength.Month, counts, TerritoryKeys.Departement("14"));
        var quarters = Series(PeriodLength.Quarter, counts, TerritoryKeys.Departement("14"));

        Assert.Equal(first.Keys, again.Keys);
        Assert.All(first, p => Assert.Equal(p.Value.Suppressed, again[p.Key].Suppressed));
        Assert.Equal(first[(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31))].Suppressed[IndicatorCells.NewApplications], quarters[0].NewApplications.Suppressed);
        Assert.Equal(first[(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28))].Suppressed[IndicatorCells.NewApplications], months[1].NewApplications.Suppressed);
    }

    [Fact]
    public void NoTwoPublishedCounts_OfNestedTerritoriesAndPeriods_DifferBySomethingSmall()
    {
        var random = new Random(19);
        for (var run = 0; run < 40; run++)
        {
            (int, long)[] Draw() => Enumerable.Range(1, 12).Select(m => (m, (long)random.Next(0, 9))).ToArray();
            var d14 = Draw();
            var d61 = Draw();
            var counts = new Dictionary<string, TerritoryCounts>
            {
                [TerritoryKeys.File] = Counts(d14.Zip(d61, (a, b) => (a.Item1, a.Item2 + b.Item2)).ToArray()),
                [TerritoryKeys.Departement("14")] = Counts(d14),
                [TerritoryKeys.Departement("61")] = Counts(d61),
            };
            var published = new List<(string Territory, DateOnly From, DateOnly To, long Count)>();
            foreach (var territory in counts.Keys)
            {
                foreach (var length in new[] { PeriodLength.Month, PeriodLength.Quarter, PeriodLength.Year })
                {
                    published.AddRange(Series(length, counts, territory)
                        .Where(p => !p.NewApplications.Suppressed)
                        .Select(p => (territory, p.From, p.To, p.NewApplications.Count!.Value)));
                }
            }

            foreach (var inner in published)
            {
                foreach (var outer in published.Where(o => (o.Territory == inner.Territory || o.Territory == TerritoryKeys.File) && o.From <= inner.From && o.To >= inner.To))
                {
                    Assert.False(SmallCellSuppression.IsSmall(outer.Count - inner.Count, SmallCellSuppression.DefaultThreshold), $"run {run}: {outer} − {inner}");
                }
            }
        }
    }

    private static (PeriodFigures Child, PeriodFigures Parent) Year2025((int Month, long Count)[] child, (int Month, long Count)[] parent)
    {
        var counts = new Dictionary<string, TerritoryCounts> { ["E:1"] = Counts(child), ["D:14"] = Counts(parent) };
        var family = new SuppressionFamily(["E:1"], null, null, new Dictionary<string, IReadOnlyList<string>> { ["E:1"] = ["D:14"] });
        var periods = IndicatorPeriods.Series(PeriodLength.Year, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Today);
        return (
            Assert.Single(IndicatorSeries.Build(periods, "E:1", [family], counts, Today)),
            Assert.Single(IndicatorSeries.Build(periods, "D:14", [SuppressionFamily.Alone("D:14")], counts, Today)));
    }

    private static PeriodFigures Year(string territory, Dictionary<string, TerritoryCounts> counts) =>
        Assert.Single(Series(PeriodLength.Year, counts, territory));

    private static IReadOnlyList<PeriodFigures> Series(PeriodLength length, IReadOnlyDictionary<string, TerritoryCounts> counts, string territory = "T")
    {
        var periods = IndicatorPeriods.Series(length, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Today);
        var chain = territory == "T" ? [SuppressionFamily.Alone("T")] : SuppressionFamilies.Of(territory, EpciDirectory.Empty);
        return IndicatorSeries.Build(periods, territory, chain, counts, Today);
    }

    private static Dictionary<string, TerritoryCounts> Alone(params (int Month, long Count)[] months) => new() { ["T"] = Counts(months) };

    private static TerritoryCounts Counts(params (int Month, long Count)[] months) =>
        new([], months.Where(m => m.Count > 0).Select(m => new FlowCount(new DateOnly(2025, m.Month, 1), FlowIndicator.New, "", m.Count)).ToList());
}
