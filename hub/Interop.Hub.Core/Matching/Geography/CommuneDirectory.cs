using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Matching.Geography;

/// <summary>
/// An in-memory <see cref="ICommuneDirectory"/> built from commune rows. Codes of delegated and
/// associated communes, municipal arrondissements and merged communes all lead to today's commune,
/// so a person born in a commune that has since merged still matches. Names resolve only when one
/// current commune bears them (there are dozens of "Saint-Denis"), after folding.
/// </summary>
public sealed class CommuneDirectory : ICommuneDirectory
{
    private readonly Dictionary<string, CommuneRef> byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommuneRef?> byName = new(StringComparer.Ordinal);

    public CommuneDirectory(IEnumerable<CommuneEntry> entries)
    {
        var rows = entries.ToList();
        var current = rows.Where(r => r.ParentCode.Length == 0)
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CommuneRef(g.Key, g.First().Name, g.First().Departement), StringComparer.Ordinal);
        foreach (var commune in current.Values)
        {
            byCode[commune.Code] = commune;
            AddName(commune.Name, commune);
        }

        foreach (var row in rows)
        {
            var target = row.ParentCode.Length == 0 ? current[row.Code] : current.GetValueOrDefault(row.ParentCode);
            if (target is null)
            {
                continue;
            }

            byCode.TryAdd(row.Code, target);
            foreach (var former in row.FormerCodes ?? [])
            {
                byCode.TryAdd(former, target);
            }

            if (row.ParentCode.Length > 0 && !byName.ContainsKey(TextFolding.Fold(row.Name)))
            {
                // A delegated commune's name is the old commune's: people born before the merger write it.
                AddName(row.Name, target);
            }
        }
    }

    /// <summary>A directory that knows nothing: matching then compares birth places as typed.</summary>
    public static CommuneDirectory Empty { get; } = new([]);

    public int Count => byCode.Count;

    public CommuneRef? Resolve(string codeOrName)
    {
        var key = codeOrName.Trim().ToUpperInvariant();
        if (byCode.TryGetValue(key, out var byItsCode))
        {
            return byItsCode;
        }

        return byName.GetValueOrDefault(TextFolding.Fold(codeOrName));
    }

    private void AddName(string name, CommuneRef commune)
    {
        var folded = TextFolding.Fold(name);
        if (byName.TryGetValue(folded, out var existing))
        {
            // Ambiguous: remember it as such, so it never resolves to the wrong commune.
            if (existing is not null && existing.Code != commune.Code)
            {
                byName[folded] = null;
            }

            return;
        }

        byName[folded] = commune;
    }
}
