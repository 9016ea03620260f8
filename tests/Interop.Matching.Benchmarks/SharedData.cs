namespace Interop.Matching.Benchmarks;

/// <summary>
/// Finds the shared data folder: <c>--data DIR</c>, else <c>../shared/data</c> next to the repository
/// root (the folder holding Interop.sln, searched upwards from the current folder).
/// </summary>
internal static class SharedData
{
    public static string? Locate(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return Directory.Exists(option) ? option : null;
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Interop.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }

        return null;
    }
}
