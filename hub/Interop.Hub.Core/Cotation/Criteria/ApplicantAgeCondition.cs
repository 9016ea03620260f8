namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>
/// The applicant's age on the day asked lies between <see cref="MinAge"/> and <see cref="MaxAge"/>
/// (each inclusive, null for none): a young household, an ageing applicant.
/// </summary>
public sealed record ApplicantAgeCondition(int? MinAge, int? MaxAge) : ICriterionCondition
{
    public const string KindName = "applicantAge";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        if (subject.Household.Applicant.BirthDate is not { } birth)
        {
            return ConditionResult.Unknown("date de naissance du demandeur non renseignée");
        }

        var age = AgeOn(birth, day);
        return ConditionResult.When((MinAge is null || age >= MinAge) && (MaxAge is null || age <= MaxAge), $"demandeur de {age} ans");
    }

    /// <summary>The applicant's next birthday: the only day the age, and so the answer, can change.</summary>
    public DateOnly? ChangesAfter(CotationSubject subject, DateOnly day) =>
        subject.Household.Applicant.BirthDate is { } birth ? birth.AddYears(AgeOn(birth, day) + 1) : null;

    /// <summary>Whole years on <paramref name="day"/>; someone born on 29 February turns a year older on 28 February of a common year.</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }
}
