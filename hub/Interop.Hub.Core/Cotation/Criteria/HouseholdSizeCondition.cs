namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The household counts between <see cref="MinPersons"/> and <see cref="MaxPersons"/> persons (each bound inclusive, null for none).</summary>
public sealed record HouseholdSizeCondition(int? MinPersons, int? MaxPersons) : ICriterionCondition
{
    public const string KindName = "householdSize";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        var persons = subject.Persons;
        return ConditionResult.When(
            (MinPersons is null || persons >= MinPersons) && (MaxPersons is null || persons <= MaxPersons),
            "ménage de " + Wording.Persons(persons));
    }
}
