namespace Interop.Observatory.Benchmarks;

/// <summary>The machine's load average (1, 5 and 15 minutes) from /proc/loadavg, printed beside the figures it weighs on.</summary>
internal static class LoadAverage
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
