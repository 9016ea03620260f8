using System.Runtime.CompilerServices;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.NationalExchange.Export;

/// <summary>
/// Reads a recorded range again for a rerun of a day. It uses the feed directly
/// under a subscription id of its own that is never acknowledged: the hub reads
/// <c>start_after_change_seq = 0</c> as "from the stored checkpoint", so the
/// export's own subscription (acknowledged past the range) could not replay a
/// range starting at 0, while a never-acknowledged id starts from the beginning.
/// </summary>
internal static class ReplayReader
{
    public static async IAsyncEnumerable<Change> ReadAsync(
        InteropClient client,
        string subscriptionId,
        long after,
        long through,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (through <= after)
        {
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = client.Feed.Subscribe(
            new SubscribeRequest { SubscriptionId = subscriptionId, StartAfterChangeSeq = after },
            cancellationToken: stop.Token);
        while (await call.ResponseStream.MoveNext(stop.Token).ConfigureAwait(false))
        {
            var message = call.ResponseStream.Current;
            switch (message.EventCase)
            {
                case SubscribeResponse.EventOneofCase.Change when message.Change.ChangeSeq <= after:
                    continue;
                case SubscribeResponse.EventOneofCase.Change when message.Change.ChangeSeq <= through:
                    yield return message.Change;
                    if (message.Change.ChangeSeq == through)
                    {
                        yield break;
                    }

                    continue;
                case SubscribeResponse.EventOneofCase.Change:
                    yield break;
                case SubscribeResponse.EventOneofCase.CaughtUp or SubscribeResponse.EventOneofCase.Checkpoint or SubscribeResponse.EventOneofCase.Heartbeat:
                    var position = message.CaughtUp?.ChangeSeq ?? message.Checkpoint?.ChangeSeq ?? message.Heartbeat.ChangeSeq;
                    if (position >= through || message.EventCase == SubscribeResponse.EventOneofCase.CaughtUp)
                    {
                        yield break;
                    }

                    continue;
                default:
                    continue;
            }
        }
    }
}
