namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>Cuts a date range into calendar periods: every period from the one holding the start to the one holding the end.</summary>
public static class IndicatorPeriods
{
    /// <summary>The longest series served: twenty years of months.</summary>
    public const int MaxPeriods = 240;

    /// <returns>Each period's first and last day; the last one ends on <paramref name="today"/> at the latest.</returns>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> Series(PeriodLength length, DateOnly start, DateOnly end, DateOnly today)
    {
        var months = MonthsOf(length);
        var first = new DateOnly(start.Year, ((start.Month - 1) / months * months) + 1, 1);
        var periods = new List<(DateOnly, DateOnly)>();
        for (var from = first; from <= end; from = from.AddMonths(months))
        {
            var to = from.AddMonths(months).AddDays(-1);
            periods.Add((from, to < today ? to : today));
        }

        return periods;
    }

    /// <summary>How many periods the range spans, without listing them (to refuse a range too long before building it).</summary>
    public static int Count(PeriodLength length, DateOnly start, DateOnly end)
    {
        var months = MonthsOf(length);
        var startIndex = ((start.Year * 12) + start.Month - 1) / months;
        var endIndex = ((end.Year * 12) + end.Month - 1) / months;
        return endIndex - startIndex + 1;
    }

    private static int MonthsOf(PeriodLength length) => length switch
    {
        PeriodLength.Month => 1,
        PeriodLength.Quarter => 3,
        PeriodLength.Year => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, "Not a period length."),
    };
}
