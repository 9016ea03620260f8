using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Interop.Cli.CommandLine;

namespace Interop.Cli.Output;

/// <summary>Dates as YYYY-MM-DD and instants as YYYY-MM-DD HH:MM:SSZ (UTC), the same in every human output.</summary>
internal static class Dates
{
    /// <param name="absent">What an unset date reads as: <c>-</c> for people, empty in a CSV.</param>
    public static string Format(Google.Type.Date? date, string absent = "-") =>
        date is null || date.Year == 0 ? absent : $"{date.Year:0000}-{date.Month:00}-{date.Day:00}";

    public static string Format(Timestamp? instant, string absent = "-") =>
        instant is null ? absent : instant.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A calendar date typed as YYYY-MM-DD, or a usage error naming the option.</summary>
    public static Google.Type.Date ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day }
            : throw new UsageException($"{option} '{text}' is not a date YYYY-MM-DD.");
}
