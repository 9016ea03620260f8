using System.CommandLine;
using Interop.Adapters.Sdk.CommandLine;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Simulator.Hosting;

namespace Interop.Adapters.Tests.EndToEnd;

/// <summary>A landlord's ERP refusing one record: the change is dead-lettered, the rest flows, and the command line lists and replays it.</summary>
public sealed class DeadLetterTests(LandlordsHub hub) : IClassFixture<LandlordsHub>
{
    [Fact]
    public async Task SinkThrowingOnOneRecord_DeadLettersIt_KeepsGoing_AndTheDeadLettersVerbListsAndReplaysIt()
    {
        var (landlord1, landlord2) = (await hub.JoinAsync("erp-pusher"), await hub.JoinAsync("erp-refuser"));
        var households = Enumerable.Range(0, 3).Select(_ => Households.New()).ToArray();
        var refused = households[1].Nom;
        var erp2 = Running.NewErp(seed: 22);
        erp2.Refuse = change => change.ApplicationState?.Applicant?.LastName == refused;
        var state2 = new InMemoryAdapterStateStore();
        await using var one = await Running.SimulatorAsync(hub.Hub.Address, landlord1, seed: 21);
        await using var two = await Running.SimulatorAsync(hub.Hub.Address, landlord2, seed: 22, erp: erp2, state: state2);

        foreach (var household in households)
        {
            one.Erp.Register(household);
        }

        // The simulator pushes registrations four at a time, so the refused record may reach the feed after
        // the third: wait for its dead letter as well as for the other two.
        await Eventually.TrueAsync(
            async () => erp2.Dossiers.Count(d => d.Nom == households[0].Nom || d.Nom == households[2].Nom) == 2
                && (await state2.ListDeadLettersAsync(default)).Count > 0,
            "the two other records applied and the refused one dead-lettered");
        Assert.DoesNotContain(erp2.Dossiers, d => d.Nom == refused);
        var deadLetter = Assert.Single(await state2.ListDeadLettersAsync(default));
        Assert.Equal(DeadLetterDirection.Inbound, deadLetter.Direction);
        Assert.Contains("its record is locked", deadLetter.Reason, StringComparison.Ordinal);

        // The operator's command line, over the same adapter (its host built, not started, as the verb does).
        var settings = new SimulatorSettings { Hub = hub.Hub.Address, ApiKey = landlord2.ApiKey, Organization = landlord2.OrganizationId, Rate = 0 };
        var root = new RootCommand { DeadLetterCommand.Create(_ => SimulatorHost.Build(settings, TextWriter.Null, erp2, state2)) };

        var (listCode, listed) = await InvokeAsync(root, "dead-letters", "list");
        Assert.Equal(DeadLetterCommand.Done, listCode);
        Assert.Contains(deadLetter.Id.ToString(), listed, StringComparison.Ordinal);
        Assert.Contains("its record is locked", listed, StringComparison.Ordinal);
        Assert.Contains("1 dead letter", listed, StringComparison.Ordinal);

        var (stillCode, still) = await InvokeAsync(root, "dead-letters", "replay", deadLetter.Id.ToString());
        Assert.Equal(DeadLetterCommand.NotReplayed, stillCode);
        Assert.Contains("0 replayed, 1 not replayed", still, StringComparison.Ordinal);
        Assert.Single(await state2.ListDeadLettersAsync(default));

        erp2.Refuse = null;
        var (replayCode, replayed) = await InvokeAsync(root, "dead-letters", "replay", "--all");
        Assert.Equal(DeadLetterCommand.Done, replayCode);
        Assert.Contains("1 replayed, 0 not replayed", replayed, StringComparison.Ordinal);
        var applied = Assert.Single(erp2.Dossiers, d => d.Nom == refused);
        Assert.Equal("ACTIF", applied.Statut);
        Assert.Empty(await state2.ListDeadLettersAsync(default));

        var (usageCode, _) = await InvokeAsync(root, "dead-letters", "replay");
        Assert.Equal(DeadLetterCommand.UsageError, usageCode);
    }

    private static async Task<(int Code, string Output)> InvokeAsync(RootCommand root, params string[] args)
    {
        using var output = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
