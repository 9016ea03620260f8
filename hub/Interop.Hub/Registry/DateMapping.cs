using Interop.Hub.Core.Validation;

namespace Interop.Hub.Registry;

/// <summary>Between <c>google.type.Date</c> and <see cref="DateOnly"/>.</summary>
internal static class DateMapping
{
    /// <summary>An unset or all-zero date is "not given" (null); an impossible one (31 February) is a violation.</summary>
    public static DateOnly? ToDateOnly(Google.Type.Date? date, string field, Violations violations)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            violations.Add(field, $"{date.Year:0000}-{date.Month:00}-{date.Day:00} is not a calendar date.");
            return null;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static Google.Type.Date? ToProto(DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;
}
