using Interop.Cli.CommandLine;
using Interop.Cli.Connection;
using Interop.Cli.Output;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Cli.Feed;

/// <summary>
/// The loop behind <c>feed tail</c>, on the client's resumable <see cref="FeedSubscription"/>.
/// A line is written and flushed before the next change is asked for, and the subscription
/// counts a change as processed only then: what is acknowledged (in batches, on the way out,
/// Ctrl-C included) is exactly what was printed.
/// </summary>
internal sealed class FeedTail(HubConnection hub, FeedSubscriptionOptions options, bool json)
{
    public async Task<int> RunAsync(int maxChanges, CancellationToken cancellation)
    {
        // The subscription reconnects on its own after a drop, without end. A first unary call
        // answers at once instead: an unreachable hub, a wrong key or a bad subscription name
        // end the command with their exit code rather than a silent wait.
        try
        {
            await hub.Feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = options.SubscriptionId }, cancellationToken: cancellation);
        }
        catch (NotFoundException)
        {
            // A new subscription: Subscribe creates it.
        }

        var subscription = hub.Subscribe(options);
        await using (subscription)
        {
            var printed = 0;
            try
            {
                await foreach (var change in subscription.ReadAllAsync(cancellation))
                {
                    Print(change);
                    if (++printed >= maxChanges)
                    {
                        // Leaving the loop does not count the change in hand; this does.
                        await subscription.AcknowledgeAsync(cancellation);
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl-C: disposing the subscription acknowledges what was printed.
                return ExitCodes.Interrupted;
            }
        }

        return ExitCodes.Ok;
    }

    private void Print(Change change)
    {
        if (json)
        {
            JsonOutput.WriteLine(change);
        }
        else
        {
            Console.Out.WriteLine(ChangeText.Line(change));
        }

        Console.Out.Flush();
    }
}
