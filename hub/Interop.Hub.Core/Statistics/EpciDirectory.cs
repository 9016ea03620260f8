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

    public int Count => membersBySiren.Count;

    /// <summary>The SIREN of the EPCI the commune belongs to, or null.</summary>
    public string? EpciOf(string communeCode) => epciOfCommune.GetValueOrDefault(communeCode);

    public IReadOnlyList<string> Members(string siren) => membersBySiren.GetValueOrDefault(siren) ?? [];

    /// <summary>Every commune that belongs to an EPCI, with its SIREN.</summary>
    public IReadOnlyDictionary<string, string> CommuneToEpci => epciOfCommune;
}
