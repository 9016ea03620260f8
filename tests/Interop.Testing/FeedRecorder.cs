using System.Collections.Concurrent;
using Grpc.Core;
using Interop.Contracts.V1;

namespace Interop.Testing;

/// <summary>A subscriber of the change feed that records every message it receives, as an adapter's feed loop would.</summary>
public sealed class FeedRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<SubscribeResponse> received = new();
    private readonly Task reading;

    private FeedRecorder(CallInvoker calls, SubscribeRequest request)
    {
        var feed = new ChangeFeedService.ChangeFeedServiceClient(calls);
        reading = Task.Run(async () =>
        {
            using var call = feed.Subscribe(request, cancellationToken: stop.Token);
            try
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(stop.Token))
                {
                    received.Enqueue(message);
                }
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        });
    }

    public IReadOnlyList<SubscribeResponse> Messages => received.ToList();

    public IReadOnlyList<Change> Changes => received.Where(m => m.EventCase == SubscribeResponse.EventOneofCase.Change).Select(m => m.Change).ToList();

    /// <summary>The stream's end, if it ended (with the hub's status, for example).</summary>
    public Task Completion => reading;

    public static FeedRecorder Start(CallInvoker calls, SubscribeRequest request) => new(calls, request);

    /// <summary>Waits until the subscriber says it caught up at or beyond <paramref name="changeSeq"/>.</summary>
    public async Task WaitForCaughtUpAsync(long changeSeq, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (received.Any(m => m.EventCase == SubscribeResponse.EventOneofCase.CaughtUp && m.CaughtUp.ChangeSeq >= changeSeq))
            {
                return;
            }

            if (reading.IsCompleted)
            {
                await reading;
                throw new InvalidOperationException("The feed stream ended before catching up.");
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The subscriber did not catch up to {changeSeq}; last messages: {string.Join(" | ", received.TakeLast(5))}");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (RpcException)
        {
        }

        stop.Dispose();
    }
}
