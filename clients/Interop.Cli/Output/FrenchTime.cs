using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Interop.Cli.Output;

/// <summary>
/// Instants in French time (Europe/Paris) with their offset, for the history, whose
/// readers think in the desks' days: <c>2026-03-10 10:00:00 +01:00</c>. The offset keeps
/// them unambiguous next to the UTC times other commands print.
/// </summary>
internal static class FrenchTime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Format(Timestamp? instant) => instant is null ? "-" : Format(instant.ToDateTimeOffset());

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>The day it is in France at <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);

    /// <summary>Midnight starting <paramref name="day"/> in France (never skipped: the clocks change at 02:00 and 03:00).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue))!.Value;

    /// <summary>A wall-clock time in France as an instant; null for a time the spring change skips. An autumn hour that occurs twice reads as its first.</summary>
    public static DateTimeOffset? FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(unspecified))
        {
            return null;
        }

        var offset = Paris.IsAmbiguousTime(unspecified) ? Paris.GetAmbiguousTimeOffsets(unspecified).Max() : Paris.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
