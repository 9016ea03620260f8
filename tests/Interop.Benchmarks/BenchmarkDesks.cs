namespace Interop.Benchmarks;

/// <summary>
/// The registering desks the benchmark's clients use. The hub only lets an
/// organisation register at its own desks, so the benchmark's organisation is
/// created with all of them.
/// </summary>
internal static class BenchmarkDesks
{
    // Each client holds one pooled connection while it registers; the hub's and
    // the direct writer's Npgsql pools default to 100, beyond which clients
    // would queue inside the pool and measure that instead.
    public const int MaxClients = 100;

    public const int WarmUpClients = 2;

    /// <summary>Every client's counter row is its own when each client has its own desk.</summary>
    public static string OfClient(int clientIndex) => $"B{clientIndex:0000}";

    public static string Hot => OfClient(0);

    public static string OfWarmUpClient(int clientIndex) => $"W{clientIndex:0000}";

    public static IEnumerable<string> All =>
        Enumerable.Range(0, MaxClients).Select(OfClient).Concat(Enumerable.Range(0, WarmUpClients).Select(OfWarmUpClient));
}
