using Grpc.Core;

namespace Interop.Client.Internal;

/// <summary>A response stream whose refusals arrive as the typed exceptions.</summary>
internal sealed class TranslatingStreamReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            throw ErrorTranslator.Translate(exception);
        }
    }
}
