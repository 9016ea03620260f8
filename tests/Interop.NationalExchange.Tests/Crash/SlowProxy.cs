using System.Net;
using System.Net.Sockets;

namespace Interop.NationalExchange.Tests.Crash;

/// <summary>
/// A slow road to the hub: a TCP relay that hands the hub's answers to the client a chunk at a
/// time with a pause between chunks, so that a run through it lasts long enough to be killed in
/// its middle. The client's own bytes go through at once. Nothing of the job is changed for it.
/// </summary>
public sealed class SlowProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Uri target;
    private readonly int chunkBytes;
    private readonly TimeSpan pause;
    private readonly Task accepting;

    private SlowProxy(Uri target, int chunkBytes, TimeSpan pause)
    {
        this.target = target;
        this.chunkBytes = chunkBytes;
        this.pause = pause;
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    /// <summary>Relays to <paramref name="target"/>, giving back at most <paramref name="chunkBytes"/> per <paramref name="pause"/>.</summary>
    public static SlowProxy Start(Uri target, int chunkBytes, TimeSpan pause) => new(target, chunkBytes, pause);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        using (inbound)
        using (var outbound = new TcpClient())
        {
            try
            {
                await outbound.ConnectAsync(target.Host, target.Port, stop.Token);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var up = PumpAsync(inbound.GetStream(), outbound.GetStream(), TimeSpan.Zero, either.Token);
                var down = PumpAsync(outbound.GetStream(), inbound.GetStream(), pause, either.Token);
                await Task.WhenAny(up, down);
                await either.CancelAsync();
                await Task.WhenAll(up, down);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // A killed client or a stopped test: the connection simply ends.
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, TimeSpan delay, CancellationToken token)
    {
        var buffer = new byte[chunkBytes];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), token);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The other side went away.
        }
    }
}
