namespace Interop.Benchmarks;

/// <summary>
/// A concurrency level and how its clients pick desks. Numbers are minted from
/// one counter row per desk and month, locked until the registration commits:
/// with one desk per client the clients never wait on each other's counter;
/// with one hot desk they all queue on the same row.
/// </summary>
internal sealed record Scenario(int Clients, bool HotDesk)
{
    public string Desks => HotDesk ? "one hot desk" : "one per client";

    public string Label => (Clients, HotDesk) switch
    {
        (1, _) => "1 client",
        (_, true) => $"{Clients} clients on one hot desk",
        _ => $"{Clients} clients, one desk each",
    };

    public static IEnumerable<Scenario> For(IEnumerable<int> clientCounts)
    {
        foreach (var clients in clientCounts)
        {
            yield return new Scenario(clients, HotDesk: false);

            // The contention case is measured once, at a middling level, to keep the run short.
            if (clients == 8)
            {
                yield return new Scenario(clients, HotDesk: true);
            }
        }
    }

    public string DeskOf(int clientIndex) => HotDesk ? BenchmarkDesks.Hot : BenchmarkDesks.OfClient(clientIndex);
}
