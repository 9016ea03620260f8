namespace Interop.Adapters.Tests;

/// <summary>A reference adapter's program as an operator starts it: <c>dotnet Interop.Adapters.X.dll …</c>.</summary>
internal static class AdapterProgram
{
    /// <summary>The adapter's dll in its own bin folder, built with the tests' configuration (its runtimeconfig.json lives there).</summary>
    public static string PathOf(string project)
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Interop.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "adapters", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }
}
