using Interop.Client;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// The subscriber process' body (this program started again with <c>--subscribe</c>, by <see cref="SubscriberProcess"/>):
/// runs each phase's <see cref="SubscriberGroup"/> as the benchmark's process runs it by default, on the same number of
/// connections, driven by the <see cref="SubscriberCommand"/>s it reads, until its standard input closes.
/// </summary>
internal static class SubscriberHost
{
    public const string Argument = "--subscribe";

    /// <param name="args"><see cref="Argument"/>, the hub's address, the subscriber organisation's API key.</param>
    public static async Task<int> MainAsync(string[] args)
    {
        var hub = new Uri(args[1]);
        var apiKey = args[2];

        // As in the benchmark's process: the fast subscribers over 2 connections, the slow one on a third.
        using var subscribersA = new InteropClient(hub, apiKey);
        using var subscribersB = new InteropClient(hub, apiKey);
        using var slowClient = new InteropClient(hub, apiKey);
        InteropClient[] clients = [subscribersA, subscribersB];
        var output = Console.Out;
        SubscriberGroup? group = null;
        try
        {
            while (await Console.In.ReadLineAsync() is { } line)
            {
                var command = SubscriberWire.Read<SubscriberCommand>(line);
                var timeout = TimeSpan.FromSeconds(command.TimeoutSeconds);
                switch (command.Command)
                {
                    case SubscriberCommand.Start when group is null:
                        var slowPause = command.SlowPauseMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
                        group = await SubscriberGroup.StartAsync(clients, slowClient, command.Label!, command.Subscribers, command.After, slowPause, timeout);
                        await SubscriberWire.WriteAsync(output, new SubscriberEvent(SubscriberEvent.CaughtUp));
                        break;
                    case SubscriberCommand.Drain when group is not null:
                        await group.DrainAsync(command.Head, timeout);
                        await SubscriberWire.WriteAsync(output, new SubscriberEvent(SubscriberEvent.Drained));
                        break;
                    case SubscriberCommand.Report when group is not null:
                        var tallies = await group.TallyAsync();

                        // Streams closed before the answer: the benchmark starts its next phase on a hub without them, as it does in-process.
                        await group.DisposeAsync();
                        group = null;
                        foreach (var tally in tallies.Fast)
                        {
                            await SubscriberWire.WriteAsync(output, new SubscriberEvent(SubscriberEvent.Tallied, SubscriberReport.Of(tally)));
                        }

                        if (tallies.Slow is { } slow)
                        {
                            await SubscriberWire.WriteAsync(output, new SubscriberEvent(SubscriberEvent.Tallied, SubscriberReport.Of(slow), Slow: true));
                        }

                        await SubscriberWire.WriteAsync(output, new SubscriberEvent(SubscriberEvent.Reported));
                        break;
                    default:
                        throw new InvalidOperationException($"unexpected command '{command.Command}' {(group is null ? "between" : "during")} phases");
                }
            }

            return 0;
        }
        catch (Exception exception)
        {
            // The benchmark reads this line instead of the answer it waits for, and stops with it.
            await SubscriberWire.WriteAsync(output, new SubscriberEvent(SubscriberEvent.Failed, Message: $"{exception.GetType().Name}: {exception.Message}"));
            return 1;
        }
        finally
        {
            if (group is not null)
            {
                await group.DisposeAsync();
            }
        }
    }
}
