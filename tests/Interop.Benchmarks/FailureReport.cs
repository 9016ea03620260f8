namespace Interop.Benchmarks;

/// <summary>Prints what failed, and the end of the target's own log, which usually says why.</summary>
internal static class FailureReport
{
    public static void Print(IRegistrationTarget target, FailureTally failures)
    {
        if (failures.Total == 0)
        {
            return;
        }

        foreach (var (kind, count) in failures.ByKind)
        {
            Console.WriteLine($"    {count} × {kind}");
        }

        var log = target.Diagnostics.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20).ToArray();
        if (log.Length > 0)
        {
            Console.WriteLine($"    last lines of {target.Name} output:");
            foreach (var line in log)
            {
                Console.WriteLine($"      {line.TrimEnd()}");
            }
        }
    }
}
