namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>
/// Ancienneté: the criterion's points count once per whole month elapsed since <see cref="Since"/>,
/// so a score grows with the date alone, with no change to the application.
/// </summary>
public sealed record SeniorityCondition(SeniorityStart Since) : ICriterionCondition
{
    public const string KindName = "seniority";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        var (start, wording) = StartOf(subject);
        var months = WholeMonths(start, day);
        return months > 0 ? ConditionResult.Met(Wording.Months(months) + " " + wording + Wording.Date(start), months) : ConditionResult.NotMet;
    }

    /// <summary>The day the next whole month is reached: the points change that day and no earlier.</summary>
    public DateOnly? ChangesAfter(CotationSubject subject, DateOnly day)
    {
        var (start, _) = StartOf(subject);
        return start.AddMonths(WholeMonths(start, day) + 1);
    }

    private (DateOnly Start, string Wording) StartOf(CotationSubject subject) =>
        Since == SeniorityStart.LastRenewal && subject.LastRenewedDate is { } renewed
            ? (renewed, "depuis le renouvellement du ")
            : (subject.FiledDate, "depuis le dépôt du ");

    /// <summary>
    /// Whole calendar months from <paramref name="start"/> to <paramref name="day"/>: 15 January to
    /// 15 February is one; 31 January to 28 February is one too (the month has no 31st), never a negative.
    /// </summary>
    public static int WholeMonths(DateOnly start, DateOnly day)
    {
        if (day <= start)
        {
            return 0;
        }

        var months = ((day.Year - start.Year) * 12) + day.Month - start.Month;
        return start.AddMonths(months) > day ? months - 1 : months;
    }
}
