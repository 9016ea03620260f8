using System.Text.Json;

namespace Interop.Hub.Core.Statistics;

/// <summary>
/// Reads <c>epci.json</c> of the npm package <c>@etalab/decoupage-administratif</c>: each EPCI's
/// SIREN (<c>code</c>) and its member communes (<c>membres[].code</c>). The caller opens the file.
/// </summary>
public static class EpciJson
{
    /// <summary>The file's name, beside <c>communes.json</c> in the package's data folder.</summary>
    public const string FileName = "epci.json";

    public static EpciDirectory Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var members = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var epci in document.RootElement.EnumerateArray())
        {
            if (!epci.TryGetProperty("code", out var code) || code.GetString() is not { Length: > 0 } siren)
            {
                continue;
            }

            members[siren] = epci.TryGetProperty("membres", out var list)
                ? list.EnumerateArray()
                    .Select(m => m.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "")
                    .Where(c => c.Length > 0)
                    .ToList()
                : [];
        }

        return new EpciDirectory(members);
    }
}
