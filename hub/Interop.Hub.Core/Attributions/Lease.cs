namespace Interop.Hub.Core.Attributions;

/// <summary>The signed lease, with what the national registry needs of an attribution (domain §2.4).</summary>
/// <param name="Dalo">Whether the household was rehoused as a DALO priority.</param>
/// <param name="ReservationHolder">The contingent charged with the attribution.</param>
public sealed record Lease(DateOnly LeaseDate, bool Dalo, CollectiveAgreement CollectiveAgreement, ReservationHolder ReservationHolder);
