using System.Globalization;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// The ranges of the contract's well-known types, as Google's definitions
/// state them (google/protobuf/timestamp.proto, duration.proto,
/// google/type/date.proto). Proto3 carries any number in their fields; a value
/// outside these ranges is refused by name here rather than left to fail
/// inside a conversion.
/// </summary>
public static class WellKnownRules
{
    /// <summary>0001-01-01T00:00:00Z in seconds since the Unix epoch.</summary>
    public const long MinTimestampSeconds = -62_135_596_800;

    /// <summary>9999-12-31T23:59:59Z in seconds since the Unix epoch.</summary>
    public const long MaxTimestampSeconds = 253_402_300_799;

    /// <summary>About 10,000 years, the bound of google.protobuf.Duration.</summary>
    public const long MaxDurationSeconds = 315_576_000_000;

    public const int MaxNanos = 999_999_999;

    /// <summary>Why (seconds, nanos) is not an instant, or null when it is one.</summary>
    public static string? TimestampProblem(long seconds, int nanos)
    {
        if (nanos is < 0 or > MaxNanos)
        {
            return $"is not a valid instant: nanos must lie in 0..999,999,999, not {Number(nanos)}.";
        }

        return seconds is < MinTimestampSeconds or > MaxTimestampSeconds
            ? $"is not a valid instant: it must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z (seconds {MinTimestampSeconds} to {MaxTimestampSeconds}), not {Number(seconds)} seconds."
            : null;
    }

    /// <summary>Why (seconds, nanos) is not a duration, or null when it is one.</summary>
    public static string? DurationProblem(long seconds, int nanos)
    {
        if (seconds is < -MaxDurationSeconds or > MaxDurationSeconds)
        {
            return $"is not a valid duration: seconds must lie within ±{MaxDurationSeconds}, not {Number(seconds)}.";
        }

        if (nanos is < -MaxNanos or > MaxNanos)
        {
            return $"is not a valid duration: nanos must lie within ±999,999,999, not {Number(nanos)}.";
        }

        return (seconds < 0 && nanos > 0) || (seconds > 0 && nanos < 0)
            ? "is not a valid duration: seconds and nanos must have the same sign."
            : null;
    }

    /// <summary>
    /// Why (year, month, day) is not a full calendar date of years 1 to 9999,
    /// or null when it is one. All three zero means "not given" and is the
    /// caller's to decide; a partial date (year 0, or month or day 0) is not a date.
    /// </summary>
    public static string? CalendarDateProblem(int year, int month, int day)
    {
        if (year == 0 || month == 0 || day == 0)
        {
            return $"{Iso(year, month, day)} is not a full date: give year (1-9999), month (1-12) and day.";
        }

        return year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            ? $"{Iso(year, month, day)} is not a calendar date."
            : null;
    }

    private static string Iso(int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
