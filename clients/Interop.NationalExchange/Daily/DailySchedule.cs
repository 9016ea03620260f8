namespace Interop.NationalExchange.Daily;

/// <summary>When the worker runs next: each day at <see cref="ExchangeOptions.RunAt"/> in its time zone.</summary>
internal static class DailySchedule
{
    /// <summary>
    /// The next run after <paramref name="now"/>, or now when the day's run is due and
    /// not done (<paramref name="lastDone"/> is before today and the time is past):
    /// a worker started late, or restarted after a crash, catches up at once.
    /// </summary>
    public static DateTimeOffset Next(DateTimeOffset now, TimeOnly runAt, TimeZoneInfo zone, DateOnly? lastDone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var dueToday = At(today, runAt, zone);
        if (now >= dueToday)
        {
            return lastDone is { } done && done >= today ? At(today.AddDays(1), runAt, zone) : now;
        }

        return dueToday;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by the spring change does not exist that day: an hour later does.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
