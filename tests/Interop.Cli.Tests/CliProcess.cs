using System.Diagnostics;

namespace Interop.Cli.Tests;

/// <summary>Runs the built <c>interop</c> command line as a separate process and captures what it prints.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    private static string CliPath()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Interop.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "clients", "Interop.Cli", "bin", configuration, "net10.0", "interop.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the command line first.", path);
    }
}
