using Interop.NationalExchange.Daily;

namespace Interop.NationalExchange.Tests.Daily;

/// <summary>When the worker runs next, French time.</summary>
public sealed class DailyScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeOnly TwoOClock = new(2, 0);

    [Fact]
    public void Next_BeforeTheTimeOfDay_IsTodayAtThatTime()
    {
        var now = new DateTimeOffset(2027, 2, 13, 0, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 2, 13, 2, 0, 0, TimeSpan.FromHours(1)), DailySchedule.Next(now, TwoOClock, Paris, new DateOnly(2027, 2, 12)));
    }

    [Fact]
    public void Next_AfterTheTimeOfDayWithTodayDone_IsTomorrow()
    {
        var now = new DateTimeOffset(2027, 2, 13, 9, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 2, 14, 2, 0, 0, TimeSpan.FromHours(1)), DailySchedule.Next(now, TwoOClock, Paris, new DateOnly(2027, 2, 13)));
    }

    [Fact]
    public void Next_AfterTheTimeOfDayWithTodayMissed_IsNow()
    {
        var now = new DateTimeOffset(2027, 2, 13, 9, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(now, DailySchedule.Next(now, TwoOClock, Paris, new DateOnly(2027, 2, 11)));
        Assert.Equal(now, DailySchedule.Next(now, TwoOClock, Paris, lastDone: null));
    }

    [Fact]
    public void Next_OnTheSpringChange_SkipsTheMissingHour()
    {
        // 2027-03-28: 02:00 does not exist in Paris (clocks go from 02:00 to 03:00).
        var now = new DateTimeOffset(2027, 3, 28, 0, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)), DailySchedule.Next(now, TwoOClock, Paris, new DateOnly(2027, 3, 27)));
    }
}
