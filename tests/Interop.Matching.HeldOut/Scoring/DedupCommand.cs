using System.Diagnostics;

namespace Interop.Matching.HeldOut.Scoring;

/// <summary>
/// Runs the built <c>interop dedup</c> as a user would (<c>dotnet interop.dll dedup …</c>, from the repository root so
/// that it finds its geography when installed) and reads the linked pairs it writes.
/// </summary>
internal static class DedupCommand
{
    public static IReadOnlyList<LinkedPair>? Run(string cli, string workingFolder, string input, string outputFolder, string linkAt)
    {
        var clusters = Path.Combine(outputFolder, $"clusters-{linkAt}.csv");
        var pairs = Path.Combine(outputFolder, $"pairs-{linkAt}.csv");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { cli, "dedup", "--input", input, "--output", clusters, "--pairs", pairs, "--link-at", linkAt })
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(pairs))
        {
            Console.WriteLine($"interop dedup --link-at {linkAt} failed (exit code {process.ExitCode}):");
            Console.WriteLine(stdout);
            Console.WriteLine(stderr.Result);
            return null;
        }

        var summary = stdout.Split('\n').FirstOrDefault(l => l.Contains("clusters;", StringComparison.Ordinal))?.Trim();
        Console.WriteLine($"interop dedup --link-at {linkAt}: {watch.Elapsed.TotalSeconds:0.0} s; {summary}");
        return [.. File.ReadLines(pairs).Skip(1).Select(CsvLine.Split).Select(f => new LinkedPair(f[0], f[1], f[2], f[3], f.Length > 4 ? f[4] : ""))];
    }
}
