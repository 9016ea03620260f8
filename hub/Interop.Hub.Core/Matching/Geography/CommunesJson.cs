using System.Text.Json;

namespace Interop.Hub.Core.Matching.Geography;

/// <summary>
/// Reads <c>communes.json</c> of the npm package <c>@etalab/decoupage-administratif</c> (the
/// official geography, COG): current communes, their delegated and associated communes, municipal
/// arrondissements and former codes. The caller opens the file: the core does no I/O.
/// </summary>
public static class CommunesJson
{
    /// <summary>Where the file lies inside an npm install of the package.</summary>
    public const string PackageFile = "node_modules/@etalab/decoupage-administratif/data/communes.json";

    public static CommuneDirectory Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var entries = new List<CommuneEntry>();
        foreach (var commune in document.RootElement.EnumerateArray())
        {
            var parent = Text(commune, "type") switch
            {
                "commune-deleguee" or "commune-associee" => Text(commune, "chefLieu"),
                "arrondissement-municipal" => Text(commune, "commune"),
                _ => "",
            };
            var former = commune.TryGetProperty("anciensCodes", out var codes) ? codes.EnumerateArray().Select(c => c.GetString() ?? "").ToList() : [];
            entries.Add(new CommuneEntry(Text(commune, "code"), Text(commune, "nom"), Text(commune, "departement"), parent, former));
        }

        return new CommuneDirectory(entries);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
