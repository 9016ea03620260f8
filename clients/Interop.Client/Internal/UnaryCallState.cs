using Grpc.Core;

namespace Interop.Client.Internal;

/// <summary>
/// The attempt of a retried unary call that is under way, so that the call
/// handed to the caller reports the last attempt's headers, status and
/// trailers, and disposing it cancels whichever attempt runs.
/// </summary>
internal sealed class UnaryCallState<TResponse>
{
    private readonly Lock gate = new();
    private AsyncUnaryCall<TResponse>? current;
    private bool disposed;

    public Task<TResponse> Start(AsyncUnaryCall<TResponse> attempt)
    {
        lock (gate)
        {
            if (disposed)
            {
                attempt.Dispose();
                throw new RpcException(new Status(StatusCode.Cancelled, "The call was disposed."));
            }

            current = attempt;
        }

        return attempt.ResponseAsync;
    }

    public async Task<Metadata> HeadersAsync(Task<TResponse> response)
    {
        try
        {
            await response.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The headers of a failed call are still read below when it had any.
        }

        var attempt = Current();
        if (attempt is null)
        {
            return [];
        }

        try
        {
            return await attempt.ResponseHeadersAsync.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            return [];
        }
    }

    public Status GetStatus() =>
        Current()?.GetStatus() ?? throw new InvalidOperationException("The call has not started yet.");

    public Metadata GetTrailers() =>
        Current()?.GetTrailers() ?? throw new InvalidOperationException("The call has not started yet.");

    public void Dispose()
    {
        AsyncUnaryCall<TResponse>? attempt;
        lock (gate)
        {
            disposed = true;
            attempt = current;
        }

        attempt?.Dispose();
    }

    private AsyncUnaryCall<TResponse>? Current()
    {
        lock (gate)
        {
            return current;
        }
    }
}
