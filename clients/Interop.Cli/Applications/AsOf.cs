using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;

namespace Interop.Cli.Applications;

/// <summary>
/// <c>--as-of DATE|DATETIME</c>: the past instant <c>applications get</c> asks for. A date
/// means the end of that day in France (as the observatory counts a day); a time without
/// an offset is French time.
/// </summary>
internal static partial class AsOf
{
    private const string Name = "--as-of";

    public static Option<string?> Option() => new(Name)
    {
        Description = "Show the application as it stood then, rebuilt from its history: a date YYYY-MM-DD (the end of that day, French time; " +
            "today: now) or a time YYYY-MM-DDTHH:MM[:SS] (French time, or ending in Z or +HH:MM). Not in the future (exit 2); before the " +
            "registration the hub answers NOT_FOUND, before it kept histories FAILED_PRECONDITION (HISTORY_NOT_RECORDED) (exit 1).",
        HelpName = "DATE|DATETIME",
    };

    /// <summary>The instant typed, or null when the option is absent; a usage error for a malformed or future one.</summary>
    public static Timestamp? Of(string? typed, TimeProvider clock)
    {
        if (typed is null)
        {
            return null;
        }

        var text = typed.Trim();
        var now = clock.GetUtcNow();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day > FrenchTime.DayOf(now))
            {
                throw Future(typed, now);
            }

            // The last microsecond of the day (the hub keeps microseconds), or now for today.
            var endOfDay = FrenchTime.StartOf(day.AddDays(1)).AddTicks(-TimeSpan.TicksPerMicrosecond);
            return Timestamp.FromDateTimeOffset(endOfDay < now ? endOfDay : now);
        }

        var instant = Instant(text) ?? throw new UsageException(
            $"{Name} '{typed}' is not a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM[:SS] (French time, or ending in Z or +HH:MM).");
        return instant > now ? throw Future(typed, now) : Timestamp.FromDateTimeOffset(instant);
    }

    private static DateTimeOffset? Instant(string text)
    {
        var match = DateTimePattern().Match(text);
        if (!match.Success
            || !DateTime.TryParseExact(
                match.Groups["local"].Value.Replace(' ', 'T'),
                ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var local))
        {
            return null;
        }

        var offset = match.Groups["offset"].Value;
        if (offset.Length == 0)
        {
            return FrenchTime.FromLocal(local);
        }

        if (offset is "Z" or "z")
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        var sign = offset[0] == '-' ? -1 : 1;
        var span = TimeSpan.ParseExact(offset[1..], @"hh\:mm", CultureInfo.InvariantCulture);
        return span <= TimeSpan.FromHours(14) ? new DateTimeOffset(local, sign * span) : null;
    }

    private static UsageException Future(string typed, DateTimeOffset now) =>
        new($"{Name} {typed} is in the future (it is {FrenchTime.Format(now)}): the history knows the past and the present only.");

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<offset>[Zz]|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimePattern();
}
