using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>
/// A host a verb built and must dispose: asynchronously when it can (the default host can), because the
/// synchronous disposal of a container that holds an asynchronously disposable service (the SQL adapter's state,
/// released with a round trip) throws instead of releasing it.
/// </summary>
internal sealed class OwnedHost(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asynchronous)
        {
            return asynchronous.DisposeAsync();
        }

        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
