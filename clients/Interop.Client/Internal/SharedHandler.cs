namespace Interop.Client.Internal;

/// <summary>A handler given by the caller, passed to the HTTP client factory without handing over its disposal.</summary>
internal sealed class SharedHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override void Dispose(bool disposing)
    {
        // The caller owns the inner handler and disposes it.
    }
}
