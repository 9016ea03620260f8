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

    public string Label => $"{Clients} client{(Clients == 1 ? "" : "s")}, {Desks}";

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

    /// <summary>Desk codes are 5 characters of 0-9A-Z.</summary>
    public string DeskOf(int clientIndex) => HotDesk ? "B0000" : $"B{clientIndex:0000}";
}
