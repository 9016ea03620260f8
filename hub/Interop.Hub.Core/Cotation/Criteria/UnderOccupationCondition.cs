namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>
/// Sous-occupation: the current dwelling has at least <see cref="MinExcessRooms"/> more main rooms
/// than the household counts persons.
/// </summary>
public sealed record UnderOccupationCondition(int MinExcessRooms) : ICriterionCondition
{
    public const string KindName = "underOccupation";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        if (subject.CurrentDwelling.Rooms is not { } rooms)
        {
            return ConditionResult.Unknown("nombre de pièces du logement actuel non renseigné");
        }

        var persons = subject.Persons;
        return ConditionResult.When(rooms - persons >= MinExcessRooms, $"{Wording.Persons(persons)} pour {Wording.Rooms(rooms)}");
    }
}
