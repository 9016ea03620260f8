using Interop.Hub.Core.Validation;

namespace Interop.Hub.Registry;

/// <summary>Between <c>google.type.Date</c> and <see cref="DateOnly"/>.</summary>
internal static class DateMapping
{
    /// <summary>
    /// An unset or all-zero date is "not given" (null); an impossible one (31
    /// February, month 13) or a partial one (year 0) is a violation.
    /// </summary>
    public static DateOnly? ToDateOnly(Google.Type.Date? date, string field, Violations violations)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        if (WellKnownRules.CalendarDateProblem(date.Year, date.Month, date.Day) is { } problem)
        {
            violations.Add(field, problem);
            return null;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static Google.Type.Date? ToProto(DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;
}
