using System.Runtime.CompilerServices;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.NationalExchange.Export;

/// <summary>
/// Reads a range of the feed without ever acknowledging: for a rerun of a recorded
/// day, and for a first run that starts at 0. It uses the feed directly under a
/// subscription id of its own that is never acknowledged: the hub reads
/// <c>start_after_change_seq = 0</c> as "from the stored checkpoint", so the
/// export's own subscription (whose checkpoint a failed run's disposal may have
/// moved) could not read from the beginning, while a never-acknowledged id does.
/// </summary>
internal static class ReplayReader
{
    public static async IAsyncEnumerable<Change> ReadAsync(
        InteropClient client,
        string subscriptionId,
        long after,
        long through,
        StrongBox<long> reached,
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
                    reached.Value = message.Change.ChangeSeq;
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
                        // The head when caught up: the changes up to it that are not shown do not concern the reader.
                        reached.Value = Math.Max(reached.Value, Math.Min(position, through));
                        yield break;
                    }

                    continue;
                default:
                    continue;
            }
        }
    }
}
