namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>
/// Suroccupation: the household counts at least <see cref="MinExcessPersons"/> more persons than the
/// current dwelling has main rooms (5 persons in 2 rooms is an excess of 3).
/// </summary>
public sealed record OvercrowdingCondition(int MinExcessPersons) : ICriterionCondition
{
    public const string KindName = "overcrowding";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        if (subject.CurrentDwelling.Rooms is not { } rooms)
        {
            return ConditionResult.Unknown("nombre de pièces du logement actuel non renseigné");
        }

        var persons = subject.Persons;
        return ConditionResult.When(persons - rooms >= MinExcessPersons, $"{Wording.Persons(persons)} pour {Wording.Rooms(rooms)}");
    }
}
