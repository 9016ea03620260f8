using Grpc.Core;
using Interop.Cli.CommandLine;
using Interop.Cli.Connection;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Feed;

/// <summary>
/// The loop behind <c>feed tail</c>. A change is acknowledged only once printed, so a run
/// stopped at any point resumes exactly after the last line it showed; checkpoint
/// markers move the position too, so changes that were not for us are not read again.
/// </summary>
internal sealed class FeedTail(HubConnection hub, SubscribeRequest request, bool acknowledge, bool json)
{
    private const int AcknowledgeEvery = 100;
    private long position;
    private long acknowledged;

    public async Task<int> RunAsync(int maxChanges, bool untilCaughtUp, CancellationToken cancellation)
    {
        var printed = 0;
        try
        {
            using var call = hub.Feed.Subscribe(request, cancellationToken: cancellation);
            while (printed < maxChanges && await call.ResponseStream.MoveNext(cancellation))
            {
                var response = call.ResponseStream.Current;
                switch (response.EventCase)
                {
                    case SubscribeResponse.EventOneofCase.Change:
                        Print(response.Change);
                        printed++;
                        position = response.Change.ChangeSeq;
                        break;
                    case SubscribeResponse.EventOneofCase.Checkpoint:
                        position = Math.Max(position, response.Checkpoint.ChangeSeq);
                        break;
                    case SubscribeResponse.EventOneofCase.CaughtUp when untilCaughtUp:
                        position = Math.Max(position, response.CaughtUp.ChangeSeq);
                        return ExitCodes.Ok;
                }

                if (position - acknowledged >= AcknowledgeEvery)
                {
                    await AcknowledgeAsync(cancellation);
                }
            }

            return ExitCodes.Ok;
        }
        catch (Exception stopped) when (cancellation.IsCancellationRequested && stopped is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            return ExitCodes.Interrupted;
        }
        finally
        {
            // Also on Ctrl-C: the command's token is cancelled by then, so the last
            // acknowledgement runs on its own short deadline.
            using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await AcknowledgeAsync(last.Token);
        }
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

    private async Task AcknowledgeAsync(CancellationToken cancellation)
    {
        if (!acknowledge || position <= acknowledged)
        {
            return;
        }

        await hub.Feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = request.SubscriptionId, ChangeSeq = position }, cancellationToken: cancellation);
        acknowledged = position;
    }
}
