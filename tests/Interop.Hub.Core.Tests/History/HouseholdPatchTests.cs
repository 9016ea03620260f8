using Interop.Hub.Core.Applications;
using Interop.Hub.Core.History;

namespace Interop.Hub.Core.Tests.History;

public sealed class HouseholdPatchTests
{
    [Fact]
    public void Between_ADwellingChange_IsItsOwnPart_AndReplaysOntoTheEarlierHousehold()
    {
        var before = TestHouseholds.Valid();
        var after = before with { CurrentDwelling = new CurrentDwelling(2, 0) };

        var patch = HouseholdPatch.Between(before, after)!;

        Assert.Equal([HouseholdPart.CurrentDwelling], patch.Parts);
        Assert.Equal(new CurrentDwelling(2, 0), patch.ApplyTo(before).CurrentDwelling);
        Assert.Null(HouseholdPatch.Between(after, after with { CurrentDwelling = new CurrentDwelling(2, 0) }));
    }
}
