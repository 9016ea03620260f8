using Grpc.Net.Client;

namespace Interop.Client.Benchmarks;

/// <summary>Every connection the benchmark opened (channels, library clients, HTTP clients), closed at the end.</summary>
internal sealed class Connections : IDisposable
{
    private readonly List<IDisposable> opened = [];
    private readonly Uri address;

    public Connections(Uri address) => this.address = address;

    /// <summary>A channel of its own: one HTTP/2 connection, as a separate caller would have.</summary>
    public GrpcChannel NewChannel() => Keep(GrpcChannel.ForAddress(address));

    public T Keep<T>(T connection)
        where T : IDisposable
    {
        lock (opened)
        {
            opened.Add(connection);
        }

        return connection;
    }

    public void Dispose()
    {
        foreach (var connection in opened)
        {
            connection.Dispose();
        }
    }
}
