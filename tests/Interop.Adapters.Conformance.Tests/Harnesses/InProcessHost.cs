using Interop.Adapters.Sdk;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Conformance.Tests.Harnesses;

/// <summary>An adapter host run inside the test process, started, stopped and torn down as the harnesses need.</summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private IHost? host;

    /// <summary>The running host's services, or null when it is stopped.</summary>
    public IServiceProvider? Services => host?.Services;

    /// <summary>The SDK's timings of a test: a 50 ms poll, quick restarts of a failed loop.</summary>
    public static Action<AdapterOptions> Fast => o =>
    {
        o.PollInterval = TimeSpan.FromMilliseconds(50);
        o.FailureDelay = TimeSpan.FromMilliseconds(300);
        o.ErpRetryDelay = TimeSpan.FromMilliseconds(10);
    };

    public async Task StartAsync(IHost built)
    {
        if (host is not null)
        {
            throw new InvalidOperationException("The adapter is running already.");
        }

        host = built;
        await host.StartAsync();
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref host, null) is { } running)
        {
            await running.StopAsync();
            running.Dispose();
        }
    }

    /// <summary>
    /// The nearest an in-process host comes to kill -9: its stop is cancelled before it starts, so no loop
    /// finishes its change in hand or stores its checkpoint, and its services are disposed under it.
    /// </summary>
    public async Task CrashAsync()
    {
        if (Interlocked.Exchange(ref host, null) is { } running)
        {
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            try
            {
                await running.StopAsync(cancelled.Token);
            }
            catch (OperationCanceledException)
            {
                // What a crash looks like from here.
            }

            running.Dispose();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
