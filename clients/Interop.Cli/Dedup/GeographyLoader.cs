using System.Text.Json;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Cli.Dedup;

/// <summary>
/// Loads the official commune list from <c>communes.json</c> of the npm package
/// <c>@etalab/decoupage-administratif</c>, installed by <c>npm ci --prefix clients/Interop.Cli/Dedup/geography</c>
/// (no data file is committed). Matching works without it: birth places are then compared as typed.
/// </summary>
internal static class GeographyLoader
{
    public const string PackagePath = "clients/Interop.Cli/Dedup/geography/node_modules/@etalab/decoupage-administratif/data/communes.json";

    /// <summary>The file to read: the option, else the package installed in this repository, looked for from the current folder up.</summary>
    public static string? Locate(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return File.Exists(option) ? option : throw new UsageException($"--geography {option}: no such file.");
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, PackagePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static CommuneDirectory Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var entries = new List<CommuneEntry>();
        foreach (var commune in document.RootElement.EnumerateArray())
        {
            var type = Text(commune, "type");
            var parent = type switch
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
