using Interop.Contracts.V1;

namespace Interop.Adapters.Sdk.Mapping;

/// <summary>The current dwelling's facts as an ERP holds them, for an application sent to the hub.</summary>
public static class CurrentDwellingMapping
{
    /// <summary>
    /// The facts the ERP knows, each one only when known (an unset fact is unknown at the hub, a zero is
    /// not: a rent of 0 is a real rent), or null when it knows neither.
    /// </summary>
    public static CurrentDwellingFacts? From(int? mainRooms, long? monthlyRentEur)
    {
        if (mainRooms is null && monthlyRentEur is null)
        {
            return null;
        }

        var dwelling = new CurrentDwellingFacts();
        if (mainRooms is { } rooms)
        {
            dwelling.MainRooms = rooms;
        }

        if (monthlyRentEur is { } rent)
        {
            dwelling.MonthlyRentEur = rent;
        }

        return dwelling;
    }
}
