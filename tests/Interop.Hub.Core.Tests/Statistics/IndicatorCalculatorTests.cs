using Interop.Hub.Core.Applications;
using Interop.Hub.Core.History;
using Interop.Hub.Core.Statistics;

namespace Interop.Hub.Core.Tests.Statistics;

/// <summary>
/// The indicators of 2025 over the observatory's hand-computed history
/// (tests/Interop.Hub.Tests/Observatory/ObservatoryHistory), with three
/// attributions added: on 10 January 2025, 12 single parents with one child
/// (T3), 3 single persons (T1/T2) and 6 households of four (T4) register; the
/// second single parent renounces on 1 June, the third renews on 15 December;
/// two single parents and one household of four sign a lease in September.
/// </summary>
public sealed class IndicatorCalculatorTests
{
    private static readonly DateOnly Filed = new(2025, 1, 10);
    private readonly List<HistoryEntry> entries = [];

    public IndicatorCalculatorTests()
    {
        for (var i = 0; i < 12; i++)
        {
            Register($"P{i}", size: 2, children: 1);
        }

        for (var i = 0; i < 3; i++)
        {
            Register($"S{i}", size: 1, children: 0);
        }

        for (var i = 0; i < 6; i++)
        {
            Register($"F{i}", size: 4, children: 3);
        }

        Radiate("P1", new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero), RadiationReason.Renunciation);
        Change("P2", new DateTimeOffset(2025, 12, 15, 9, 0, 0, TimeSpan.Zero), "renewed", f => f with { LastRenewedDate = new DateOnly(2025, 12, 15) });
        Radiate("P3", new DateTimeOffset(2025, 9, 10, 8, 0, 0, TimeSpan.Zero), RadiationReason.Attribution);
        Radiate("P4", new DateTimeOffset(2025, 9, 11, 8, 0, 0, TimeSpan.Zero), RadiationReason.Attribution);
        Radiate("F0", new DateTimeOffset(2025, 9, 12, 8, 0, 0, TimeSpan.Zero), RadiationReason.Attribution);
    }

    [Fact]
    public void Compute_2025_CountsFlowsAndTheStockAtTheEnd()
    {
        var year = IndicatorCalculator.Compute(entries, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        Assert.Equal((21, 1, 3), (year.NewApplications, year.Renewals, year.Attributions));
        Assert.Equal(1, year.RadiationsByReason[RadiationReason.Renunciation]);
        // Active at 31 December: 12 − 1 − 2 = 9 single parents, 3 singles, 6 − 1 = 5 households of four.
        Assert.Equal((9, 3, 5, 17), (year.StockByTypology[NeededTypology.T3], year.StockByTypology[NeededTypology.T1OrT2], year.StockByTypology[NeededTypology.T4], year.Stock));
        Assert.Equal(17 / 3d, year.Pressure);
        Assert.Equal(4.5, year.PressureOf(NeededTypology.T3));
        Assert.Equal(5d, year.PressureOf(NeededTypology.T4));
        Assert.Null(year.PressureOf(NeededTypology.T1OrT2));
        Assert.Equal(4.5 / (17 / 3d), year.ImbalanceOf(NeededTypology.T3));
    }

    [Fact]
    public void Compute_AQuarter_CountsOnlyItsChanges_AndTheStockAtItsEnd()
    {
        var summer = IndicatorCalculator.Compute(entries, new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30));

        Assert.Equal((0, 0, 3), (summer.NewApplications, summer.Renewals, summer.Attributions));
        Assert.False(summer.RadiationsByReason.ContainsKey(RadiationReason.Renunciation));
        Assert.Equal(17, summer.Stock);
    }

    [Fact]
    public void Compute_ADayIsTheFrenchCalendarDay()
    {
        // 23:30 UTC on 31 December 2025 is 00:30 on 1 January 2026 in Paris: a registration of 2026.
        Register("late", size: 1, children: 0, at: new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero));

        var year = IndicatorCalculator.Compute(entries, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        Assert.Equal(21, year.NewApplications);
        Assert.Equal(17, year.Stock);
    }

    private void Register(string number, int size, int children, DateTimeOffset? at = null) =>
        entries.Add(new HistoryEntry(
            number, 1, "registered", "org", at ?? new DateTimeOffset(Filed, new TimeOnly(9, 0), TimeSpan.Zero), "14", "B0001",
            new HistoryFacts { Status = ApplicationStatus.Active, FiledDate = Filed, ExpiryDate = Filed.AddYears(1), HouseholdSize = size, Children = children },
            null));

    private void Radiate(string number, DateTimeOffset at, RadiationReason reason) =>
        Change(number, at, "radiated", f => f with { Status = ApplicationStatus.Radiated, Radiation = new Radiation(reason, DateOnly.FromDateTime(at.UtcDateTime)) });

    private void Change(string number, DateTimeOffset at, string kind, Func<HistoryFacts, HistoryFacts> change)
    {
        var last = entries.Where(e => e.Number == number).MaxBy(e => e.Revision)!;
        entries.Add(last with { Revision = last.Revision + 1, Kind = kind, OccurredAt = at, Facts = change(last.Facts!) });
    }
}
