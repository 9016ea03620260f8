using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Core.Tests.Statistics.Indicators;

public sealed class IndicatorPeriodsTests
{
    [Fact]
    public void Quarters_StartWithTheOneHoldingTheStart_AndTheLastEndsToday()
    {
        var periods = IndicatorPeriods.Series(PeriodLength.Quarter, new DateOnly(2025, 2, 14), new DateOnly(2025, 11, 3), today: new DateOnly(2025, 11, 3));

        Assert.Equal(
            [(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)), (new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30)),
             (new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30)), (new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 3))],
            periods);
        Assert.Equal(4, IndicatorPeriods.Count(PeriodLength.Quarter, new DateOnly(2025, 2, 14), new DateOnly(2025, 11, 3)));
    }

    [Theory]
    [InlineData("2024-01-15", "2024-09-10", 7)]
    [InlineData("2024-01-15", "2024-09-15", 8)]
    [InlineData("2024-02-10", "2025-04-10", 14)]
    public void WholeMonths_CountAMonthOnlyOnceItsDayIsReached(string from, string to, int months) =>
        Assert.Equal(months, IndicatorCounter.WholeMonths(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AnApplication_CountsInTheFile_ItsDepartement_EachCommuneWished_AndEachEpciOfThemOnce()
    {
        var epcis = new EpciDirectory(new Dictionary<string, IReadOnlyList<string>> { ["200065597"] = ["14118", "14327"] });

        Assert.Equal(
            ["F", "D:14", "C:14118", "C:14327", "C:14341", "E:200065597"],
            TerritoryKeys.Of("14", ["14327", "14118", "14341", "14118"], epcis));
    }
}
