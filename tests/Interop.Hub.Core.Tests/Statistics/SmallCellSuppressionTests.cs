using Interop.Hub.Core.Statistics;

namespace Interop.Hub.Core.Tests.Statistics;

public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void Suppress_ARowWithOneSmallCell_SuppressesTheNextSmallestNonZeroPartToo()
    {
        // total = 3 + 0 + 11 + 6
        var suppressed = SmallCellSuppression.Suppress([20, 3, 0, 11, 6], [new CellRelation(0, [1, 2, 3, 4])]);

        Assert.Equal([false, true, false, false, true], suppressed);
    }

    [Fact]
    public void Suppress_ASmallTotal_HidesItsSmallPartsAndPublishesZeros()
    {
        var suppressed = SmallCellSuppression.Suppress([4, 4, 0], [new CellRelation(0, [1, 2])]);

        Assert.Equal([true, true, false], suppressed);
    }

    [Fact]
    public void Suppress_NoRelationEverHidesExactlyOneCell()
    {
        var random = new Random(13);
        for (var run = 0; run < 200; run++)
        {
            var groups = Enumerable.Range(0, random.Next(1, 6))
                .SelectMany(d => Enumerable.Range(1, 7).Select(size => new StockGroup($"{d:00}", size, false, 0, random.Next(0, 9))))
                .ToList();

            var rows = StockTables.Build(groups, withWhole: true);

            foreach (var row in rows)
            {
                Assert.NotEqual(1, row.ByTypology.Values.Append(row.Total).Count(c => c.Suppressed));
                Assert.All(row.ByTypology.Values.Append(row.Total), c => Assert.False(c.Count is > 0 and < 5));
            }

            foreach (var typology in NeededTypologies.All)
            {
                Assert.NotEqual(1, rows.Count(r => r.ByTypology[typology].Suppressed));
            }
        }
    }
}
