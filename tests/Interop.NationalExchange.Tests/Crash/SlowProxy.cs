using System.Net;
using System.Net.Sockets;

namespace Interop.NationalExchange.Tests.Crash;

/// <summary>
/// A slow road to the hub: a TCP relay that hands the hub's answers to the client a chunk at a
/// time with a pause between chunks, so that a run through it lasts long enough to be killed in
/// its middle. The client's own bytes go through at once. Nothing of the job is changed for it.
/// The road can also stop giving answers (<see cref="Hold"/>, or after a number of bytes), so that
/// a loaded machine cannot let the run finish between the moment a test decides to kill it and the kill.
/// </summary>
public sealed class SlowProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Uri target;
    private readonly int chunkBytes;
    private readonly TimeSpan pause;
    private readonly long? holdAfterBytes;
    private readonly Task accepting;
    private long bytesToClient;
    private int held;

    private SlowProxy(Uri target, int chunkBytes, TimeSpan pause, long? holdAfterBytes)
    {
        this.target = target;
        this.chunkBytes = chunkBytes;
        this.pause = pause;
        this.holdAfterBytes = holdAfterBytes;
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    /// <summary>The hub's bytes handed to the client so far.</summary>
    public long BytesToClient => Interlocked.Read(ref bytesToClient);

    /// <summary>
    /// Relays to <paramref name="target"/>, giving back at most <paramref name="chunkBytes"/> per <paramref name="pause"/>,
    /// and nothing more once <paramref name="holdAfterBytes"/> of the hub's bytes went through, if given.
    /// </summary>
    public static SlowProxy Start(Uri target, int chunkBytes, TimeSpan pause, long? holdAfterBytes = null) => new(target, chunkBytes, pause, holdAfterBytes);

    /// <summary>From now on, the hub's answers stay in the relay: the client waits for them until it is killed.</summary>
    public void Hold() => Volatile.Write(ref held, 1);

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
                var up = PumpAsync(inbound.GetStream(), outbound.GetStream(), toClient: false, either.Token);
                var down = PumpAsync(outbound.GetStream(), inbound.GetStream(), toClient: true, either.Token);
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

    private async Task PumpAsync(Stream from, Stream to, bool toClient, CancellationToken token)
    {
        var buffer = new byte[chunkBytes];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, token)) > 0)
            {
                if (toClient)
                {
                    var allowed = holdAfterBytes is { } limit ? (int)Math.Clamp(limit - BytesToClient, 0, read) : read;
                    if (allowed < read)
                    {
                        Hold();
                    }

                    if (Volatile.Read(ref held) == 1 && allowed == read)
                    {
                        allowed = 0;
                    }

                    await to.WriteAsync(buffer.AsMemory(0, allowed), token);
                    Interlocked.Add(ref bytesToClient, allowed);
                    if (Volatile.Read(ref held) == 1)
                    {
                        await Task.Delay(Timeout.Infinite, token);
                    }

                    if (pause > TimeSpan.Zero)
                    {
                        await Task.Delay(pause, token);
                    }
                }
                else
                {
                    await to.WriteAsync(buffer.AsMemory(0, read), token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The other side went away.
        }
    }
}
