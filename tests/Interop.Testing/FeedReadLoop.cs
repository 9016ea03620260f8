using System.Runtime.CompilerServices;
using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Testing;

/// <summary>
/// Follows a feed on a background task until disposed, handing each item to a
/// callback: the raw <c>Subscribe</c> stream (<see cref="Raw"/>), for tests
/// of the hub's own protocol markers, or the client library's
/// <see cref="FeedSubscription"/>, for what an integrator receives. The hub's
/// tests (<see cref="FeedRecorder"/>) and the feed benchmark share it.
/// </summary>
public sealed class FeedReadLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private int disposed;

    private FeedReadLoop()
    {
    }

    /// <summary>The loop's end: completes when the feed ends (the hub ended the stream), faults with the error that ended it, or completes on disposal.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public static FeedReadLoop Start<T>(Func<CancellationToken, IAsyncEnumerable<T>> feed, Func<T, CancellationToken, ValueTask> onItem)
    {
        var loop = new FeedReadLoop();
        var token = loop.stop.Token;
        loop.Completion = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in feed(token).WithCancellation(token))
                {
                    await onItem(item, token);
                }
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && token.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
        });
        return loop;
    }

    /// <summary>Every message of one raw <c>Subscribe</c> call (changes and markers), as the hub sends them; no reconnection, no acknowledgement.</summary>
    public static async IAsyncEnumerable<SubscribeResponse> Raw(CallInvoker calls, SubscribeRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = new ChangeFeedService.ChangeFeedServiceClient(calls).Subscribe(request, cancellationToken: cancellationToken);
        await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return message;
        }
    }

    /// <summary>Stops the loop and waits for it; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await Completion;
        }
        catch (RpcException)
        {
            // The stream's own failure was the test's to observe through Completion.
        }

        stop.Dispose();
    }
}
