using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Attributions;

/// <summary>The dwelling a landlord proposes a household for.</summary>
/// <param name="DwellingId">Identifier in the RPLS directory.</param>
/// <param name="CommuneCode">INSEE code of the dwelling's commune.</param>
public sealed record Candidate(string DwellingId, string CommuneCode, Typology Typology, ReservationHolder ReservationHolder);
