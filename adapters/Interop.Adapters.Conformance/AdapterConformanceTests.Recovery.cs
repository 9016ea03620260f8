namespace Interop.Adapters.Conformance;

/// <summary>Crashes, restarts, refusals and stale checkpoints: nothing lost, nothing doubled, the loop goes on.</summary>
public abstract partial class AdapterConformanceTests
{
    [Fact]
    public async Task ACrashWhilePushing_ThenARestart_PushesEveryChange_AndDoublesNone()
    {
        var landlord = await Hub.JoinAsync("conf-crash");
        await using var harness = CreateHarness();
        var households = Enumerable.Range(0, 12).Select(NewHousehold).ToList();
        var records = new List<string>();
        foreach (var household in households)
        {
            records.Add(await harness.TypeAsync(household));
        }

        await harness.StartAsync(landlord);
        // Crash in the middle of the load: some pushed, some not, maybe one at the hub but not yet recorded.
        await NumberOfAsync(harness, records[0]);
        await harness.CrashAsync();
        await harness.StartAsync(landlord);

        foreach (var (household, record) in households.Zip(records))
        {
            await NumberOfAsync(harness, record);
            Assert.Equal(1, await Hub.CountByLastNameAsync(household.LastName));
        }
    }

    [Fact]
    public async Task AHubChange_IsAppliedOnce_EvenWhenTheAdapterRestartsAndTheFeedDeliversItAgain()
    {
        var (landlord, other) = (await Hub.JoinAsync("conf-once"), await Hub.JoinAsync("conf-once-other"));
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);
        var (number, registered) = await RegisterElsewhereAsync(other);
        await ErpRecordAtAsync(harness, number, registered.Revision);

        await harness.CrashAsync();
        await harness.StartAsync(landlord);
        // A later change behind it: once it is in the ERP, the earlier one was delivered again if it ever was.
        var (sentinel, sentinelApplication) = await RegisterElsewhereAsync(other);
        await ErpRecordAtAsync(harness, sentinel, sentinelApplication.Revision);

        var records = await harness.ReadByNumberAsync(number);
        Assert.Single(records, r => r.Revision == registered.Revision);
        Assert.All(records, r => Assert.Equal(registered.Revision, r.Revision));
    }

    [Fact]
    public async Task ARefusedChange_IsDeadLetteredWithItsReason_AndTheLoopGoesOn()
    {
        var landlord = await Hub.JoinAsync("conf-dead");
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);

        var refused = await harness.TypeAsync(NewHousehold() with { Housing = ConformanceHousehold.Unmapped });
        var good = NewHousehold(2);
        var number = await NumberOfAsync(harness, await harness.TypeAsync(good));

        AssertSameHousehold(good, await ReadAtHubAsync(landlord, number));

        // An adapter may push several records at once (the simulator does), so the refused one's dead letter
        // can come after the later record is through: the loop went on either way.
        await Poll.UntilAsync(async () => (await harness.DeadLettersAsync()).Count > 0, "the refused record dead-lettered");
        var deadLetter = Assert.Single(await harness.DeadLettersAsync());
        Assert.Equal(refused, deadLetter.ErpRecordId);
        Assert.Contains("current_housing", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Null(await harness.NumberOfAsync(refused));
    }

    [Fact]
    public async Task TheHubKilledAndRestarted_TheAdapterResumesBothWays_WithoutARestartOfItsOwn()
    {
        var (landlord, other) = (await Hub.JoinAsync("conf-hub"), await Hub.JoinAsync("conf-hub-other"));
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);
        await NumberOfAsync(harness, await harness.TypeAsync(NewHousehold()));

        var typedWhileDown = NewHousehold(1);
        string? record = null;
        await Hub.RestartAsync(TimeSpan.FromSeconds(2), async () => record = await harness.TypeAsync(typedWhileDown));

        var number = await NumberOfAsync(harness, record!, timeoutSeconds: 60);
        AssertSameHousehold(typedWhileDown, await ReadAtHubAsync(landlord, number));
        var (elsewhere, registered) = await RegisterElsewhereAsync(other);
        await ErpRecordAtAsync(harness, elsewhere, registered.Revision, timeoutSeconds: 60);
        Assert.Equal(1, await Hub.CountByLastNameAsync(typedWhileDown.LastName));
    }

    [Fact]
    public async Task AStaleCheckpoint_ReadsPushedChangesAgain_AndDoublesNone()
    {
        var landlord = await Hub.JoinAsync("conf-stale");
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);
        var households = Enumerable.Range(0, 3).Select(NewHousehold).ToList();
        var numbers = new List<string>();
        foreach (var household in households)
        {
            numbers.Add(await NumberOfAsync(harness, await harness.TypeAsync(household)));
        }

        await harness.StopAsync();
        await harness.RewindAsync();
        await harness.StartAsync(landlord);
        // A change typed after the rewind: once it is pushed, the replayed ones before it were read again.
        var after = NewHousehold(4);
        await NumberOfAsync(harness, await harness.TypeAsync(after));

        for (var i = 0; i < households.Count; i++)
        {
            Assert.Equal(1, await Hub.CountByLastNameAsync(households[i].LastName));
            AssertSameHousehold(households[i], await ReadAtHubAsync(landlord, numbers[i]));
        }

        Assert.Equal(1, await Hub.CountByLastNameAsync(after.LastName));
        Assert.Empty(await harness.DeadLettersAsync());
    }
}
