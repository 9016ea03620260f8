using Interop.Contracts.V1;

namespace Interop.NationalExchange.Mapping;

/// <summary>
/// One <c>demande</c> of the file: a change the national registry must hear of,
/// already checked for every mandatory element, so the writer only writes.
/// </summary>
/// <param name="TypeFichier">CRE, MOD, REN, RAD or SUP.</param>
/// <param name="Change">The change, with the application's state at delivery.</param>
/// <param name="DateEvenement">The day of the change in French time.</param>
/// <param name="Motif">For RAD: the radiation code, or "" for a reactivation (déradiation); null otherwise.</param>
/// <param name="SousMotif">For RADIRR: IRRRES or IRRSEJ.</param>
/// <param name="FusionCible">For SUP: the number the application was merged into.</param>
internal sealed record NuuDemande(string TypeFichier, Change Change, DateOnly DateEvenement, string? Motif, string? SousMotif, string? FusionCible);
