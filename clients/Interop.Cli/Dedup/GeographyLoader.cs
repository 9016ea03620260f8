using Interop.Cli.CommandLine;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Cli.Dedup;

/// <summary>
/// Loads the official commune list from <c>communes.json</c> of the npm package
/// <c>@etalab/decoupage-administratif</c>, installed by <c>npm ci --prefix clients/Interop.Cli/Dedup/geography</c>
/// (no data file is committed). Matching works without it: birth places are then compared as typed.
/// </summary>
internal static class GeographyLoader
{
    public static readonly string PackagePath = Path.Combine("clients", "Interop.Cli", "Dedup", "geography", CommunesJson.PackageFile);

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
        return CommunesJson.Read(stream);
    }
}
