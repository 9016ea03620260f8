using Interop.Hub.Core.Statistics;

namespace Interop.Hub.Core.Tests.Statistics;

public sealed class StockTablesTests
{
    [Fact]
    public void Build_ACommuneThreeShortOfItsDepartement_IsWithheld_OneEqualToIt_IsPublished()
    {
        // 20 single persons wish Caen, 23 in the département; 12 wish Hérouville, all of the département's there.
        var groups = new[] { new StockGroup("14118", 1, false, 0, 20), new StockGroup("14327", 1, false, 0, 12) };
        var containers = new Dictionary<string, long[]>
        {
            ["14118"] = [23, 23, 0, 0, 0, 0, 0],
            ["14327"] = [12, 12, 0, 0, 0, 0, 0],
        };

        var rows = StockTables.Build(groups, withWhole: false, territory => [containers[territory]]).ToDictionary(r => r.Territory);

        Assert.Equal((null, null), (rows["14118"].Total.Count, rows["14118"].ByTypology[NeededTypology.T1OrT2].Count));
        Assert.Equal((12L, 12L), (rows["14327"].Total.Count, rows["14327"].ByTypology[NeededTypology.T1OrT2].Count));
    }
}
