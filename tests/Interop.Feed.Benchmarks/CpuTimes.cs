using System.Diagnostics;
using System.Globalization;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// CPU time used so far by the hub process, this benchmark (the writers, the
/// subscribers and the other client) and the PostgreSQL cluster (the postmaster,
/// its live backends and the ones that ended), from /proc: where a phase's extra
/// work goes when subscribers are added.
/// </summary>
internal sealed record CpuTimes(double HubSeconds, double ClientSeconds, double PostgresSeconds)
{
    private static readonly double TicksPerSecond = ClockTicks();

    public static CpuTimes Read(int hubPid, int postmasterPid)
    {
        var postgres = Stat(postmasterPid, children: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ParentOf(pid) == postmasterPid)
            {
                postgres += Stat(pid, children: false);
            }
        }

        return new CpuTimes(Stat(hubPid, children: false), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, postgres);
    }

    public CpuTimes Since(CpuTimes earlier) =>
        new(HubSeconds - earlier.HubSeconds, ClientSeconds - earlier.ClientSeconds, PostgresSeconds - earlier.PostgresSeconds);

    /// <summary>The parent of PostgreSQL backend <paramref name="backendPid"/>: the postmaster.</summary>
    public static int ParentOf(int backendPid)
    {
        var fields = Fields(backendPid);
        return fields is null ? -1 : int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    // /proc/<pid>/stat after the command's closing parenthesis: state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from the pid as 1.
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double Stat(int pid, bool children)
    {
        var fields = Fields(pid);
        if (fields is null)
        {
            return 0;
        }

        // fields[0] is the state (field 3): utime is field 14, so fields[11].
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (children)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }

    // USER_HZ: 100 on every Linux this runs on; getconf says so when it is there.
    private static double ClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true });
            var output = getconf!.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(output, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or FormatException)
        {
            return 100;
        }
    }
}
