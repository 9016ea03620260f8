using System.Diagnostics;
using System.Globalization;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// CPU time used so far by the hub process, this benchmark (the writers, and the
/// subscribers unless they run apart), the subscriber process when they do, and
/// the PostgreSQL cluster (the postmaster, its live backends and the ones that
/// ended), from /proc: where a phase's extra work goes when subscribers are added.
/// The other client's process is not counted (one call every 20 ms). The hub's
/// time spent in the kernel is kept apart too: its socket writes on loopback pay
/// for the receiving side's TCP stack as well, a floor no user code removes.
/// </summary>
internal sealed record CpuTimes(double HubSeconds, double HubKernelSeconds, double ClientSeconds, double SubscriberSeconds, double PostgresSeconds)
{
    private static readonly double TicksPerSecond = ClockTicks();

    /// <param name="subscriberPid">The subscriber process (<c>--subscribers-apart</c>), or null when the subscribers run in this one.</param>
    public static CpuTimes Read(int hubPid, int postmasterPid, int? subscriberPid)
    {
        var postgres = Stat(postmasterPid, children: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ParentOf(pid) == postmasterPid)
            {
                postgres += Stat(pid, children: false);
            }
        }

        var subscribers = subscriberPid is { } subscriber ? Stat(subscriber, children: false) : 0;
        return new CpuTimes(
            Stat(hubPid, children: false), Stat(hubPid, children: false, kernelOnly: true), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, subscribers, postgres);
    }

    public CpuTimes Since(CpuTimes earlier) => new(
        HubSeconds - earlier.HubSeconds, HubKernelSeconds - earlier.HubKernelSeconds, ClientSeconds - earlier.ClientSeconds, SubscriberSeconds - earlier.SubscriberSeconds, PostgresSeconds - earlier.PostgresSeconds);

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

    private static double Stat(int pid, bool children, bool kernelOnly = false)
    {
        var fields = Fields(pid);
        if (fields is null)
        {
            return 0;
        }

        // fields[0] is the state (field 3): utime is field 14, so fields[11]; stime fields[12].
        var ticks = (kernelOnly ? 0 : long.Parse(fields[11], CultureInfo.InvariantCulture)) + long.Parse(fields[12], CultureInfo.InvariantCulture);
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
