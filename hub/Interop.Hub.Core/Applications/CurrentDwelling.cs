namespace Interop.Hub.Core.Applications;

/// <summary>
/// The dwelling the household lives in now (logement actuel), as far as scoring grids need it. Each fact
/// may be unknown: a criterion that needs an unknown one is reported « non évalué », never guessed.
/// </summary>
/// <param name="Rooms">Main rooms (pièces principales), 1 to 20, or null when unknown.</param>
/// <param name="MonthlyRentEur">Rent with charges (loyer charges comprises), whole euros a month, or null when unknown; 0 is a real rent (lodged free).</param>
public sealed record CurrentDwelling(int? Rooms, long? MonthlyRentEur)
{
    public static readonly CurrentDwelling Unknown = new(null, null);

    /// <summary>
    /// These facts with each fact <paramref name="given"/> knows taken from it instead: what a score request
    /// sends beside the application wins, and what it leaves unknown comes from the application.
    /// </summary>
    public CurrentDwelling OverriddenBy(CurrentDwelling? given) =>
        given is null ? this : new CurrentDwelling(given.Rooms ?? Rooms, given.MonthlyRentEur ?? MonthlyRentEur);
}
