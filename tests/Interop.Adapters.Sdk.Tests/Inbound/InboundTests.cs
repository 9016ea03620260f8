using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sdk.Tests.Erp;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Sdk.Tests.Inbound;

/// <summary>The inbound path against a real hub: refusals dead-lettered and replayed, a stop mid-way without loss or double application.</summary>
public sealed class InboundTests(AdapterHub hub) : IClassFixture<AdapterHub>
{
    [Fact]
    public async Task SinkRefusingOneChange_DeadLettersIt_KeepsGoing_AndReplayAfterTheFixAppliesIt()
    {
        var (landlord1, landlord2) = (await hub.JoinLandlordAsync("pusher"), await hub.JoinLandlordAsync("refuser"));
        var (erp1, erp2) = (new InMemoryErp(), new InMemoryErp());
        var state1 = new InMemoryAdapterStateStore();
        var (refused, accepted) = (TestApplications.UniqueName(), TestApplications.UniqueName());
        erp2.Refuse = change => change.ApplicationState?.Applicant?.LastName == refused;
        await using var adapter1 = await AdapterProcess.StartAsync(hub, landlord1, erp1, state1, o => o.Inbound = false);
        await using var adapter2 = await AdapterProcess.StartAsync(hub, landlord2, erp2, new InMemoryAdapterStateStore(), o => o.Outbound = false);

        var (first, firstCodes) = HubView.ErpHousehold(refused);
        erp1.Register("refused", first, firstCodes);
        var (second, secondCodes) = HubView.ErpHousehold(accepted);
        erp1.Register("accepted", second, secondCodes);

        await Eventually.TrueAsync(() => erp2.AppliedCountOf(accepted) == 1, "the change after the refused one applied");
        var refusedNumber = (await state1.FindByErpRecordAsync("refused", default))!.Number;
        var deadLetter = Assert.Single(await adapter2.DeadLetters.ListAsync());
        Assert.Equal(DeadLetterDirection.Inbound, deadLetter.Direction);
        Assert.Equal("applications/" + refusedNumber, deadLetter.Application);
        Assert.Contains("test refusal", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal(0, erp2.AppliedCountOf(refused));
        Assert.Equal(1, adapter2.Metrics.DeadLettered);

        erp2.Refuse = null;
        Assert.True(await adapter2.DeadLetters.ReplayAsync(deadLetter.Id));

        Assert.Equal(1, erp2.AppliedCountOf(refused));
        Assert.Equal(refused, erp2.Records[refusedNumber].Applicant.LastName);
        Assert.Empty(await adapter2.DeadLetters.ListAsync());
        Assert.False(await adapter2.DeadLetters.ReplayAsync(deadLetter.Id));
    }

    [Fact]
    public async Task StoppedWithAChangeInHand_CheckpointStaysBeforeIt_AndARestartLosesNothingAndAppliesNothingTwice()
    {
        var (landlord1, landlord2) = (await hub.JoinLandlordAsync("source"), await hub.JoinLandlordAsync("follower"));
        var (erp1, erp2) = (new InMemoryErp(), new InMemoryErp());
        var names = Enumerable.Range(0, 6).Select(_ => TestApplications.UniqueName()).ToArray();
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        Change? inHand = null;
        erp2.BeforeApply = async change =>
        {
            if (change.ApplicationState?.Applicant?.LastName == names[2] && inHand is null)
            {
                inHand = change;
                held.SetResult();
                await release.Task;
            }
        };
        var folder = Directory.CreateTempSubdirectory("adapter-state-");
        var statePath = Path.Combine(folder.FullName, "state.json");
        await using var adapter1 = await AdapterProcess.StartAsync(hub, landlord1, erp1, new InMemoryAdapterStateStore(), o => o.Inbound = false);
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var (household, codes) = HubView.ErpHousehold(name);
            erp1.Register("r" + i, household, codes);
        }

        var adapter2 = await AdapterProcess.StartAsync(hub, landlord2, erp2, FileAdapterStateStore.Open(statePath), o => o.Outbound = false);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using (var follower = new InteropClient(hub.Hub.Address, landlord2.ApiKey))
        {
            var stored = (await follower.Feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = "erp" })).CheckpointChangeSeq;
            Assert.True(stored < inHand!.ChangeSeq, $"checkpoint {stored} must stay before the change in hand {inHand.ChangeSeq}");
        }

        var stopping = adapter2.StopAsync();
        release.SetResult();
        await stopping;
        await adapter2.DisposeAsync();
        Assert.Equal(1, erp2.AppliedCountOf(names[2]));

        // A new process over the state file the first one left.
        await using var restarted = await AdapterProcess.StartAsync(hub, landlord2, erp2, FileAdapterStateStore.Open(statePath), o => o.Outbound = false);

        await Eventually.TrueAsync(() => names.All(n => erp2.AppliedCountOf(n) >= 1), "every household applied in ERP 2");

        // A second application would come later in the feed: a household registered now comes after
        // every change above, and the inbound loop applies one change at a time in feed order, so once
        // it is applied the restarted adapter has handled everything before it.
        var later = TestApplications.UniqueName();
        var (laterHousehold, laterCodes) = HubView.ErpHousehold(later);
        erp1.Register("later", laterHousehold, laterCodes);
        await Eventually.TrueAsync(() => erp2.AppliedCountOf(later) == 1, "a later household applied in ERP 2");
        Assert.All(names, n => Assert.Equal(1, erp2.AppliedCountOf(n)));
        Assert.Empty(await restarted.DeadLetters.ListAsync());
        // Stopped first: a running adapter may be rewriting its state file (state.json.tmp) at that moment.
        await restarted.StopAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ChangesDeliveredAgain_ToANewSubscriptionOverTheSameState_AreSkippedNotAppliedTwice()
    {
        var (landlord1, landlord2) = (await hub.JoinLandlordAsync("again"), await hub.JoinLandlordAsync("skipper"));
        var (erp1, erp2) = (new InMemoryErp(), new InMemoryErp());
        var names = Enumerable.Range(0, 3).Select(_ => TestApplications.UniqueName()).ToArray();
        var folder = Directory.CreateTempSubdirectory("adapter-state-");
        var statePath = Path.Combine(folder.FullName, "state.json");
        await using var adapter1 = await AdapterProcess.StartAsync(hub, landlord1, erp1, new InMemoryAdapterStateStore(), o => o.Inbound = false);
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var (household, codes) = HubView.ErpHousehold(name);
            erp1.Register("r" + i, household, codes);
        }

        long appliedFirst;
        await using (var first = await AdapterProcess.StartAsync(hub, landlord2, erp2, FileAdapterStateStore.Open(statePath), o => o.Outbound = false))
        {
            await Eventually.TrueAsync(() => names.All(n => erp2.AppliedCountOf(n) == 1), "every household applied once");
            appliedFirst = first.Metrics.Applied;
        }

        // Another subscription starts at the beginning of the feed: every change comes again, as after
        // a crash before the hub stored the checkpoint. Only the adapter's own state can tell.
        await using var again = await AdapterProcess.StartAsync(hub, landlord2, erp2, FileAdapterStateStore.Open(statePath), o =>
        {
            o.Outbound = false;
            o.SubscriptionId = "erp-again";
        });
        await Eventually.TrueAsync(() => again.Metrics.Skipped >= appliedFirst, "every change delivered again and skipped");

        Assert.All(names, n => Assert.Equal(1, erp2.AppliedCountOf(n)));
        Assert.Equal(0, again.Metrics.Applied);
        // Stopped first: a running adapter may be rewriting its state file (state.json.tmp) at that moment.
        await again.StopAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task SinkFailingTwiceThenRecovering_IsRetriedWithBackoff_AndAppliesTheChangeOnceWithoutDeadLetter()
    {
        var (landlord1, landlord2) = (await hub.JoinLandlordAsync("steady"), await hub.JoinLandlordAsync("flaky"));
        var (erp1, erp2) = (new InMemoryErp(), new InMemoryErp());
        var name = TestApplications.UniqueName();
        var failures = 0;
        erp2.BeforeApply = change =>
        {
            if (change.ApplicationState?.Applicant?.LastName == name && Interlocked.Increment(ref failures) <= 2)
            {
                throw new IOException("the ERP's database is restarting");
            }

            return Task.CompletedTask;
        };
        await using var adapter1 = await AdapterProcess.StartAsync(hub, landlord1, erp1, new InMemoryAdapterStateStore(), o => o.Inbound = false);
        await using var adapter2 = await AdapterProcess.StartAsync(hub, landlord2, erp2, new InMemoryAdapterStateStore(), o => o.Outbound = false);

        var (household, codes) = HubView.ErpHousehold(name);
        erp1.Register("r1", household, codes);

        await Eventually.TrueAsync(() => erp2.AppliedCountOf(name) == 1, "the change applied after the ERP recovered");
        Assert.Equal(3, failures);
        Assert.True(adapter2.Metrics.Retried >= 2);
        Assert.Empty(await adapter2.DeadLetters.ListAsync());
    }
}
