using System.Collections.Concurrent;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Hub.Geography;

/// <summary>
/// The official geography the matcher resolves birth places with ("Caen" and "14118" are one
/// place; a commune merged since keeps matching), read at start from <c>communes.json</c> of the
/// npm package <c>@etalab/decoupage-administratif</c> (<c>npm ci --prefix hub/geography</c>; no
/// data file is committed). Without it the hub still runs and compares birth places as typed.
/// </summary>
internal static class OfficialGeography
{
    /// <summary>Where <c>npm ci --prefix hub/geography</c> puts the file, relative to the repository root.</summary>
    public static readonly string InstalledFile = Path.Combine("hub", "geography", CommunesJson.PackageFile);

    // One parse per file and process: test hosts start many hubs.
    private static readonly ConcurrentDictionary<string, Lazy<CommuneDirectory>> Loaded = new(StringComparer.Ordinal);

    /// <param name="configured">Interop:GeographyFile; when set, the file must exist.</param>
    /// <param name="roots">Folders to look from, upwards, for the npm install.</param>
    public static ICommuneDirectory Load(string? configured, IEnumerable<string> roots, ILogger logger)
    {
        var path = Locate(configured, roots);
        if (path is null)
        {
            GeographyLog.Missing(logger, InstalledFile);
            return CommuneDirectory.Empty;
        }

        var directory = Loaded.GetOrAdd(path, p => new Lazy<CommuneDirectory>(() =>
        {
            using var stream = File.OpenRead(p);
            return CommunesJson.Read(stream);
        })).Value;
        GeographyLog.Loaded(logger, directory.Count, path);
        return directory;
    }

    /// <summary>The communes.json to read: the configured one, else the npm install found upwards from a root; null when none.</summary>
    internal static string? Locate(string? configured, IEnumerable<string> roots)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"Interop:GeographyFile {configured}: no such file.");
        }

        foreach (var root in roots)
        {
            for (var folder = new DirectoryInfo(root); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, InstalledFile);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
