namespace Interop.Hub.Core.Time;

/// <summary>
/// Legal dates (filing, expiry, radiation) are French calendar dates: an
/// application filed at 00:30 in Paris on 1 March belongs to March even though
/// it is still February in UTC.
/// </summary>
public static class FrenchCalendar
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);

    /// <summary>The instant a French calendar day begins (midnight in Paris, whatever the season).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Paris.GetUtcOffset(midnight));
    }
}
