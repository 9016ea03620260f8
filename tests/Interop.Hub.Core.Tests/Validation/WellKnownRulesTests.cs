using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Tests.Validation;

public class WellKnownRulesTests
{
    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1_780_000_000L, 999_999_999)]
    [InlineData(WellKnownRules.MinTimestampSeconds, 0)]
    [InlineData(WellKnownRules.MaxTimestampSeconds, 999_999_999)]
    public void Timestamp_InRange_IsAnInstant(long seconds, int nanos) =>
        Assert.Null(WellKnownRules.TimestampProblem(seconds, nanos));

    [Theory]
    [InlineData(1_780_000_000L, -1)]
    [InlineData(1_780_000_000L, 1_000_000_000)]
    [InlineData(WellKnownRules.MaxTimestampSeconds + 1, 0)]
    [InlineData(WellKnownRules.MinTimestampSeconds - 1, 0)]
    [InlineData(long.MinValue, int.MinValue)]
    public void Timestamp_OutOfRange_IsRefused(long seconds, int nanos) =>
        Assert.StartsWith("is not a valid instant", WellKnownRules.TimestampProblem(seconds, nanos), StringComparison.Ordinal);

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(15L, 500)]
    [InlineData(-15L, -500)]
    [InlineData(0L, -999_999_999)]
    [InlineData(WellKnownRules.MaxDurationSeconds, 999_999_999)]
    public void Duration_InRange_IsADuration(long seconds, int nanos) =>
        Assert.Null(WellKnownRules.DurationProblem(seconds, nanos));

    [Theory]
    [InlineData(10L, -1)]
    [InlineData(-10L, 1)]
    [InlineData(0L, 1_000_000_000)]
    [InlineData(WellKnownRules.MaxDurationSeconds + 1, 0)]
    [InlineData(long.MinValue, 0)]
    public void Duration_OutOfRangeOrMixedSigns_IsRefused(long seconds, int nanos) =>
        Assert.StartsWith("is not a valid duration", WellKnownRules.DurationProblem(seconds, nanos), StringComparison.Ordinal);

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2024, 2, 29)]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void CalendarDate_ThatExists_IsADate(int year, int month, int day) =>
        Assert.Null(WellKnownRules.CalendarDateProblem(year, month, day));

    [Theory]
    [InlineData(2026, 2, 30, "2026-02-30 is not a calendar date.")]
    [InlineData(2025, 2, 29, "2025-02-29 is not a calendar date.")]
    [InlineData(2026, 13, 1, "2026-13-01 is not a calendar date.")]
    [InlineData(10_000, 1, 1, "10000-01-01 is not a calendar date.")]
    [InlineData(-1, 1, 1, "-0001-01-01 is not a calendar date.")]
    [InlineData(0, 4, 12, "0000-04-12 is not a full date: give year (1-9999), month (1-12) and day.")]
    [InlineData(2026, 0, 0, "2026-00-00 is not a full date: give year (1-9999), month (1-12) and day.")]
    [InlineData(2026, 5, 0, "2026-05-00 is not a full date: give year (1-9999), month (1-12) and day.")]
    public void CalendarDate_ImpossibleOrPartial_SaysWhy(int year, int month, int day, string expected) =>
        Assert.Equal(expected, WellKnownRules.CalendarDateProblem(year, month, day));
}
