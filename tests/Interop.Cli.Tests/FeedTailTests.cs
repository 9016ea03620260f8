using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary>
/// <c>interop feed tail</c> as a script uses it: JSON lines while the hub changes, stopped with
/// Ctrl-C (SIGINT) or by <c>--max-changes</c>/<c>--until-caught-up</c>, and resumed with the same
/// named subscription right after what it printed.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class FeedTailTests(InstalledCli cli, CliHub hub) : IClassFixture<CliHub>
{
    [Fact]
    public async Task Tail_StoppedWithCtrlC_AcknowledgesWhatItPrintedAndTheNextRunResumesAfterIt()
    {
        var subscription = "tail-" + Guid.NewGuid().ToString("N")[..8];
        await using var tail = cli.Start(hub.AsRegistrar("feed", "tail", "--json", "--subscription", subscription, "--include-own"));

        var first = await hub.RegisterAsync();
        // Generous: the tool starts, connects and stops (acknowledging) on a machine shared by parallel test runs.
        var line = await tail.WaitForOutputLineAsync(l => l.Contains(first.Name, StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        var printed = Change.Parser.ParseJson(line);
        await tail.SignalAsync("INT");
        await tail.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(130, tail.ExitCode);
        Assert.Equal(ChangeKind.Registered, printed.Kind);
        Assert.Equal(first.Name, printed.ApplicationState.Name);
        var lastPrinted = tail.OutputLines.Select(Change.Parser.ParseJson).Max(c => c.ChangeSeq);
        Assert.Equal(lastPrinted, await CheckpointAsync(subscription));

        var second = await hub.RegisterAsync();
        // --until-caught-up stops at the sequenced head: the registration must have its change_seq by then.
        await FeedHead.WhenSequencedAsync(hub.Hub.ConnectionString);
        var resumed = await cli.RunAsync(hub.AsRegistrar("feed", "tail", "--json", "--subscription", subscription, "--include-own", "--until-caught-up"));

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var changes = resumed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Change.Parser.ParseJson).ToList();
        Assert.Equal(lastPrinted + 1, changes[0].ChangeSeq);
        Assert.DoesNotContain(changes, c => c.Application == first.Name);
        Assert.Contains(changes, c => c.Application == second.Name && c.Kind == ChangeKind.Registered);
        Assert.Equal(changes[^1].ChangeSeq, await CheckpointAsync(subscription));
    }

    [Fact]
    public async Task Tail_MaxChanges_PrintsHumanLinesThenStopsAndAcknowledges()
    {
        var registered = await hub.RegisterAsync();
        var subscription = "max-" + Guid.NewGuid().ToString("N")[..8];

        var result = await cli.RunAsync(hub.AsRegistrar("feed", "tail", "--subscription", subscription, "--include-own", "--max-changes", "1"));

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var match = System.Text.RegularExpressions.Regex.Match(line, @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z  #(\d+)\s+registered\s+applications/\S{18}\s+rev 1\s+organizations/test-registrar$");
        Assert.True(match.Success, line);
        Assert.Equal(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), await CheckpointAsync(subscription));
        Assert.NotNull(registered);
    }

    [Fact]
    public async Task Tail_WithoutASubscription_ResumesNothing_EachRunStartsFromTheOldestChange()
    {
        await hub.RegisterAsync();
        await FeedHead.WhenSequencedAsync(hub.Hub.ConnectionString);

        var first = await cli.RunAsync(hub.AsRegistrar("feed", "tail", "--include-own", "--until-caught-up", "--json"));
        var second = await cli.RunAsync(hub.AsRegistrar("feed", "tail", "--include-own", "--until-caught-up", "--json"));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(1, Change.Parser.ParseJson(first.Output.Split('\n')[0]).ChangeSeq);
        Assert.Equal(1, Change.Parser.ParseJson(second.Output.Split('\n')[0]).ChangeSeq);
    }

    [Fact]
    public async Task Tail_StartAfterBeyondTheHead_IsInvalidArgumentNamingTheField()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("feed", "tail", "--start-after", "999999", "--until-caught-up"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): start_after_change_seq: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_BadSubscriptionName_IsInvalidArgumentAtOnce()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("feed", "tail", "--subscription", "Not A Name"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): subscription_id: ", result.Error, StringComparison.Ordinal);
    }

    private async Task<long> CheckpointAsync(string subscription) =>
        (await new ChangeFeedService.ChangeFeedServiceClient(hub.Hub.Calls).GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription })).CheckpointChangeSeq;
}
