namespace Interop.Hub.Core.Cotation;

/// <summary>
/// The dwelling the household lives in now, as far as grids need it. The application resource
/// (protos/interop/v1/application.proto) does not carry these two facts yet, so they come beside it;
/// a criterion that needs one of them and does not get it is reported « non évalué », never guessed.
/// </summary>
/// <param name="Rooms">Main rooms (pièces principales), or null when unknown.</param>
/// <param name="MonthlyRentEur">Rent with charges, whole euros, or null when unknown or when the household pays none.</param>
public sealed record CurrentDwelling(int? Rooms, long? MonthlyRentEur)
{
    public static readonly CurrentDwelling Unknown = new(null, null);
}
