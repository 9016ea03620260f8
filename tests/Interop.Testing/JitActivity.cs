using System.Globalization;

namespace Interop.Testing;

/// <summary>
/// How busy a process's background JIT is, from the CPU time of its tiered
/// compilation worker thread in /proc (Linux). That thread recompiles hot
/// methods into their final form; once it idles, the process runs the code it
/// will keep running. Where /proc is missing it reports no activity, and the
/// warm-up falls back to its minimum length. Shared by the benchmarks' warm-ups.
/// </summary>
public sealed class JitActivity(int processId)
{
    // The runtime names the thread ".NET Tiered Compilation Worker"; Linux keeps 15 characters.
    private const string ThreadName = ".NET Tiered Com";

    private readonly Dictionary<string, long> lastTicks = [];

    /// <summary>Clock ticks (usually 10 ms) the worker used since the previous call.</summary>
    public long TicksSinceLastCall()
    {
        long delta = 0;
        try
        {
            foreach (var thread in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                delta += ThreadTicksSinceLastCall(thread);
            }
        }
        catch (IOException)
        {
            // The process has ended, or this is not Linux.
        }

        return delta;
    }

    private long ThreadTicksSinceLastCall(string thread)
    {
        try
        {
            if (!File.ReadAllText(Path.Combine(thread, "comm")).StartsWith(ThreadName, StringComparison.Ordinal))
            {
                return 0;
            }

            // Fields after the parenthesised name start at field 3; utime and stime are fields 14 and 15.
            var stat = File.ReadAllText(Path.Combine(thread, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var delta = ticks - lastTicks.GetValueOrDefault(thread);
            lastTicks[thread] = ticks;
            return delta;
        }
        catch (IOException)
        {
            // The thread has ended (the runtime stops an idle worker).
            return 0;
        }
    }
}
