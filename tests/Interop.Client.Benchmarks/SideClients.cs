namespace Interop.Client.Benchmarks;

/// <summary>
/// A side's clients, made once and reused by every slice (the first n of them
/// for a slice of n clients), so that connections are opened and warm before
/// they are measured.
/// </summary>
internal sealed class SideClients(Side side)
{
    private readonly List<Caller> clients = [];

    public Side Side => side;

    public string Name => side.Name;

    public Latencies Measured { get; } = new();

    public async Task<IReadOnlyList<Caller>> FirstAsync(int count, CancellationToken cancellationToken)
    {
        while (clients.Count < count)
        {
            // One untimed call opens the new client's connection.
            var client = side.ClientFor(clients.Count);
            await ClosedLoopSlice.RunAsync(side, [client], TimeSpan.Zero, new Latencies(), cancellationToken);
            clients.Add(client);
        }

        return clients.GetRange(0, count);
    }

    public async Task MeasureAsync(int count, TimeSpan length, Latencies into, CancellationToken cancellationToken) =>
        await ClosedLoopSlice.RunAsync(side, await FirstAsync(count, cancellationToken), length, into, cancellationToken);
}
