using Google.Rpc;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Core.Numbering;
using Interop.Testing;
using static Interop.Hub.Tests.Registry.OnboardingCalls;

namespace Interop.Hub.Tests.Registry;

/// <summary>
/// Bulk onboarding's set-based write over a real socket and a real database: a batch of records (the
/// batch window is a minute here, so a batch holds every record sent before the stream ends, up to
/// <c>OnboardingBatchSize</c> = 20, however slowly a loaded machine sends them) is answered record by record as the unary path would answer, written
/// in one transaction, numbered without gaps, carried by the feed once and in order, and resent after a
/// cut without doubling anything.
/// </summary>
public sealed class OnboardingBatchTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("onboardbatch", settings: new Dictionary<string, string>
        {
            ["Interop:OnboardingBatchSize"] = "20",
            ["Interop:OnboardingBatchWindow"] = "00:01:00",
        });
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ABatch_OfNewKnownTwinInvalidAndAnsweredRecords_GetsTheUnaryAnswers_InOneTransaction()
    {
        var known = TestApplications.Valid();
        var existing = (await registry.CreateApplicationAsync(TestApplications.Create("B0001", known.Clone()))).Application;
        var answeredAlone = TestApplications.Create("B0001");
        var aloneAnswer = await registry.CreateApplicationAsync(answeredAlone);
        await using var feed = FeedRecorder.StartRaw(hub.Calls, new SubscribeRequest { SubscriptionId = "batch", IncludeOwnChanges = true });
        var fresh = Enumerable.Range(0, 5).Select(_ => Registration(TestApplications.Valid())).ToList();
        var twin = TestApplications.Valid();
        var noName = TestApplications.Valid();
        noName.Applicant.LastName = "";
        List<OnboardApplicationsRequest> records =
        [
            .. fresh,
            Registration(known.Clone()),
            Registration(twin.Clone()),
            Registration(twin.Clone()),
            Registration(noName),
            new() { Registration = answeredAlone.Clone() },
        ];

        var answers = await OnboardAsync(registry, records);

        Assert.Equal(records.Count, answers.Count);
        var registered = fresh.Select(r => answers[r.Registration.RequestId].Registered.Application).ToList();
        Assert.Equal(5, registered.Select(a => a.Number).Distinct().Count());
        AssertDuplicateOf(existing.Name, answers[records[5].Registration.RequestId]);
        var firstTwin = answers[records[6].Registration.RequestId].Registered.Application;
        AssertDuplicateOf(firstTwin.Name, answers[records[7].Registration.RequestId]);
        var invalid = answers[records[8].Registration.RequestId].Refusal;
        Assert.Equal((int)StatusCode.InvalidArgument, invalid.Code);
        Assert.Contains(invalid.GetDetail<BadRequest>().FieldViolations, v => v.Field == "application.applicant.last_name");
        Assert.Equal(aloneAnswer.Application.Number, answers[answeredAlone.RequestId].Registered.Application.Number);

        // Written together: the six new applications share one transaction.
        var newNumbers = registered.Append(firstTwin).Select(a => a.Number).ToList();
        var transactions = await Probe.QueryAsync<long>(
            "SELECT count(DISTINCT txid::text) FROM changes WHERE application_number = ANY(@newNumbers)", new { newNumbers = newNumbers.ToArray() });
        Assert.Equal(1, transactions.Single());
        await AssertNumberedWithoutGapsAsync(expected: 8);

        // The feed carries each registration once, in the batch's order.
        var all = new[] { existing.Number, aloneAnswer.Application.Number }.Concat(newNumbers).ToList();
        var carried = await RegistrationsInFeedAsync(feed, all);
        Assert.Equal(all.Count, carried.Count);
        Assert.Equal(newNumbers, carried.Where(newNumbers.Contains).ToList());
    }

    [Fact]
    public async Task AStreamCutMidBatch_ThenSentAgainWhole_RegistersEachHouseholdOnce_WithTheSameNumbers()
    {
        var records = Enumerable.Range(0, 50).Select(_ => Registration(TestApplications.Valid())).ToList();
        var before = await Probe.CountAsync();

        // The first batch of 20 is written; the stream is cut while the next one gathers.
        var cut = new Dictionary<string, string>();
        using (var call = registry.OnboardApplications(deadline: DateTime.UtcNow.AddMinutes(2)))
        {
            foreach (var record in records.Take(20))
            {
                await call.RequestStream.WriteAsync(record);
            }

            for (var i = 0; i < 20 && await call.ResponseStream.MoveNext(CancellationToken.None); i++)
            {
                cut[call.ResponseStream.Current.RequestId] = call.ResponseStream.Current.Registered.Application.Number;
            }

            foreach (var record in records.Skip(20).Take(15))
            {
                await call.RequestStream.WriteAsync(record);
            }
        }

        Assert.Equal(20, cut.Count);
        var again = await OnboardAsync(registry, records);

        Assert.All(again.Values, a => Assert.Equal(OnboardApplicationsResponse.OutcomeOneofCase.Registered, a.OutcomeCase));
        Assert.All(cut, c => Assert.Equal(c.Value, again[c.Key].Registered.Application.Number));
        Assert.Equal(50, again.Values.Select(a => a.Registered.Application.Number).Distinct().Count());
        Assert.Equal(before.Applications + 50, (await Probe.CountAsync()).Applications);
        await AssertNumberedWithoutGapsAsync(expected: 50);
    }

    [Fact]
    public async Task TwoStreamsAndUnaryCalls_OfOverlappingHouseholds_RegisterEachHouseholdOnce()
    {
        var households = Enumerable.Range(0, 40).Select(_ => TestApplications.Valid()).ToList();
        var first = households.Take(28).Select(h => Registration(h.Clone())).ToList();
        var second = households.Skip(12).Reverse().Select(h => Registration(h.Clone())).ToList();
        var unary = households.Skip(6).Take(28).Select(h => TestApplications.Create("B0001", h.Clone())).ToList();
        var before = await Probe.CountAsync();

        var streamA = Task.Run(() => OnboardAsync(registry, first));
        var streamB = Task.Run(() => OnboardAsync(registry, second));
        var alone = unary.Select(request => Task.Run(async () =>
        {
            try
            {
                return (request.RequestId, Number: (await registry.CreateApplicationAsync(request)).Application.Number, Refusal: (Google.Rpc.Status?)null);
            }
            catch (RpcException e)
            {
                return (request.RequestId, Number: "", Refusal: e.GetRpcStatus());
            }
        })).ToList();
        var answers = (await streamA).Concat(await streamB).ToDictionary();
        var aloneAnswers = (await Task.WhenAll(alone)).ToDictionary(a => a.RequestId);

        var byHousehold = households.Select((h, i) => new List<(string Number, Google.Rpc.Status? Refusal)>()).ToList();
        void Add(int household, string number, Google.Rpc.Status? refusal) => byHousehold[household].Add((number, refusal));
        foreach (var (record, i) in first.Select((r, i) => (r, i)))
        {
            var a = answers[record.Registration.RequestId];
            Add(i, a.Registered?.Application.Number ?? "", a.Refusal);
        }

        foreach (var (record, i) in second.Select((r, i) => (r, 39 - i)))
        {
            var a = answers[record.Registration.RequestId];
            Add(i, a.Registered?.Application.Number ?? "", a.Refusal);
        }

        foreach (var (request, i) in unary.Select((r, i) => (r, 6 + i)))
        {
            Add(i, aloneAnswers[request.RequestId].Number, aloneAnswers[request.RequestId].Refusal);
        }

        for (var h = 0; h < households.Count; h++)
        {
            // One registration per household; every other attempt is refused as its duplicate, naming it.
            var numbers = byHousehold[h].Where(a => a.Number.Length > 0).Select(a => a.Number).ToList();
            Assert.Single(numbers);
            Assert.All(byHousehold[h].Where(a => a.Refusal is not null), a =>
            {
                Assert.Equal((int)StatusCode.AlreadyExists, a.Refusal!.Code);
                Assert.Equal("applications/" + numbers[0], a.Refusal.GetDetail<ErrorInfo>().Metadata["existing_applications"]);
            });
        }

        Assert.Equal(before.Applications + 40, (await Probe.CountAsync()).Applications);
        await AssertNumberedWithoutGapsAsync(expected: 40);
    }

    private DatabaseProbe Probe => new(hub.ConnectionString);

    private static void AssertDuplicateOf(string existingName, OnboardApplicationsResponse answer)
    {
        Assert.Equal(OnboardApplicationsResponse.OutcomeOneofCase.Refusal, answer.OutcomeCase);
        Assert.Equal((int)StatusCode.AlreadyExists, answer.Refusal.Code);
        Assert.Equal("DUPLICATE_APPLICATION", answer.Refusal.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(existingName, answer.Refusal.GetDetail<ErrorInfo>().Metadata["existing_applications"]);
    }

    /// <summary>
    /// The numbers minted at desk B0001 are 1…N of its counter, each once, and the counter stands at N
    /// (a registration that rolls back gives its value back; only imports leave holes).
    /// </summary>
    private async Task AssertNumberedWithoutGapsAsync(int expected)
    {
        var numbers = await Probe.QueryAsync<string>("SELECT number FROM applications WHERE registering_desk = 'B0001' AND origin = 'registered'");
        var counters = numbers.Select(n => Assert.IsType<StructuredNumber>(ApplicationNumber.TryParseStructured(n, out var parts) ? parts : null).Counter).Order().ToList();
        Assert.Equal(Enumerable.Range(1, expected), counters);
        var last = await Probe.QueryAsync<int>("SELECT last_value FROM number_counters WHERE desk = 'B0001'");
        Assert.Equal(expected, last.Single());
    }

    /// <summary>The numbers of the registrations the feed carries, in its order, once it has carried all of <paramref name="numbers"/> and caught up beyond them.</summary>
    private static async Task<List<string>> RegistrationsInFeedAsync(FeedRecorder feed, IReadOnlyList<string> numbers)
    {
        List<Change> registrations = [];
        await WaitForAsync(
            () =>
            {
                registrations = feed.Messages.Where(m => m.EventCase == SubscribeResponse.EventOneofCase.Change && m.Change.Kind == ChangeKind.Registered)
                    .Select(m => m.Change).ToList();
                return Task.FromResult(numbers.All(n => registrations.Any(c => c.Application == "applications/" + n)));
            },
            "every registration in the feed");
        var last = registrations.Max(c => c.ChangeSeq);
        await feed.WaitForCaughtUpAsync(last, TimeSpan.FromSeconds(60));
        return feed.Messages.Where(m => m.EventCase == SubscribeResponse.EventOneofCase.Change && m.Change.Kind == ChangeKind.Registered)
            .OrderBy(m => m.Change.ChangeSeq)
            .Select(m => m.Change.Application["applications/".Length..])
            .ToList();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
