namespace Interop.Hub.Core.Matching.Geography;

/// <summary>
/// One row of the official commune list (COG, as in <c>@etalab/decoupage-administratif</c>'s
/// communes.json): a current commune, or a delegated/associated commune or municipal
/// arrondissement with its <paramref name="ParentCode"/>; <paramref name="FormerCodes"/> are the
/// codes of communes merged into it.
/// </summary>
public sealed record CommuneEntry(
    string Code,
    string Name,
    string Departement,
    string ParentCode = "",
    IReadOnlyList<string>? FormerCodes = null);
