namespace Interop.Matching.HeldOut;

/// <summary>The repository root (the folder holding Interop.sln, searched upwards), the shared data beside it, the built CLI.</summary>
internal static class RepositoryPaths
{
    public static string? Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Interop.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary><c>--data DIR</c>, else <c>../shared/data</c> next to the repository root; null when absent.</summary>
    public static string? SharedData(string? root, string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return Directory.Exists(option) ? option : null;
        }

        var data = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        return data is not null && Directory.Exists(data) ? data : null;
    }

    public static string? Cli(string? root, string? option) =>
        option ?? (root is null ? null : Path.Combine(root, "clients", "Interop.Cli", "bin", "Release", "net10.0", "interop.dll"));

    public static bool CliGeographyInstalled(string? root) =>
        root is not null && Directory.Exists(Path.Combine(root, "clients", "Interop.Cli", "Dedup", "geography", "node_modules"));
}
