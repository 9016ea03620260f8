using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Statistics;

/// <summary>
/// The EPCIs (intercommunal bodies) of the official geography and their member
/// communes, by INSEE code; empty when the geography is not installed.
/// </summary>
public sealed class EpciDirectory(IReadOnlyDictionary<string, IReadOnlyList<string>> membersBySiren)
{
    public static readonly EpciDirectory Empty = new(new Dictionary<string, IReadOnlyList<string>>());

    private readonly Dictionary<string, string> epciOfCommune = membersBySiren
        .SelectMany(pair => pair.Value.Select(commune => (commune, siren: pair.Key)))
        .GroupBy(p => p.commune)
        .ToDictionary(g => g.Key, g => g.First().siren, StringComparer.Ordinal);

    private readonly Lazy<ILookup<string, string>> epcisByHome = new(() => membersBySiren.Keys
        .Select(siren => (siren, home: HomeOf(membersBySiren[siren])))
        .Where(p => p.home is not null)
        .OrderBy(p => p.siren, StringComparer.Ordinal)
        .ToLookup(p => p.home!, p => p.siren, StringComparer.Ordinal));

    public int Count => membersBySiren.Count;

    /// <summary>
    /// The département most of the EPCI's communes are in (the smallest code on a tie), or null without
    /// members: where it is counted among its sibling EPCIs when small cells are suppressed.
    /// </summary>
    public string? HomeDepartement(string siren) => HomeOf(Members(siren));

    /// <summary>The EPCIs whose <see cref="HomeDepartement"/> is <paramref name="departement"/>, by SIREN.</summary>
    public IEnumerable<string> EpcisOf(string departement) => epcisByHome.Value[departement];

    /// <summary>The départements of the EPCI's communes.</summary>
    public IEnumerable<string> DepartementsOf(string siren) =>
        Members(siren).Select(Departements.OfCommune).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The SIREN of the EPCI the commune belongs to, or null.</summary>
    public string? EpciOf(string communeCode) => epciOfCommune.GetValueOrDefault(communeCode);

    public IReadOnlyList<string> Members(string siren) => membersBySiren.GetValueOrDefault(siren) ?? [];

    /// <summary>Every commune that belongs to an EPCI, with its SIREN.</summary>
    public IReadOnlyDictionary<string, string> CommuneToEpci => epciOfCommune;

    private static string? HomeOf(IEnumerable<string> communes) => communes
        .Select(Departements.OfCommune)
        .OfType<string>()
        .GroupBy(d => d, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key)
        .FirstOrDefault();
}
