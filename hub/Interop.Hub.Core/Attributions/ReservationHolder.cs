namespace Interop.Hub.Core.Attributions;

/// <summary>
/// Reservation contingent of a dwelling (SNE ListeTypeReservataire, domain
/// §1.6 and §4.1). Numeric values mirror the contract's enum.
/// </summary>
public enum ReservationHolder
{
    Unspecified = 0,

    /// <summary>SNE <c>COLTER</c>: local authorities and EPCI.</summary>
    LocalAuthority = 1,

    /// <summary>SNE <c>COLACT</c>: employers, Action Logement.</summary>
    Employers = 2,

    /// <summary>SNE <c>PPRIOR</c>: the préfet, for priority households.</summary>
    PrefectPriority = 3,

    /// <summary>SNE <c>PFONCT</c>: the préfet, for State civil servants.</summary>
    PrefectCivilServants = 4,

    /// <summary>SNE <c>AUTRES</c>.</summary>
    Other = 5,

    /// <summary>SNE <c>AUCUN</c>: hors contingent, the landlord's own stock.</summary>
    None = 6,
}
