using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

/// <summary>
/// A bulk onboarding stream costs one rate-limit token per record, from the same bucket as the caller's
/// unary calls, and waits for the bucket to refill instead of failing the load.
/// </summary>
public sealed class OnboardingRateLimitTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("onboardrate", settings: new Dictionary<string, string>
        {
            ["Interop:RateLimitPerSecond"] = "1",
            ["Interop:RateLimitBurst"] = "10",
        });
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task AStreamOfMoreRecordsThanTheBurst_WaitsForTheBucketToRefill_AndRegistersEveryRecord()
    {
        // 30 records and the stream itself: 31 tokens against a burst of 10 refilled at 1 per second, so
        // the bucket cannot have given them in less than about 20 s, however fast or loaded the machine
        // (a stream costing one token would finish as fast as the hub writes).
        var records = Enumerable.Range(0, 30).Select(_ => OnboardingCalls.Registration(TestApplications.Valid())).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var answers = await OnboardingCalls.OnboardAsync(registry, records);

        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(15), $"30 records took {clock.Elapsed.TotalSeconds:F1} s: they did not wait for tokens.");
        Assert.Equal(30, answers.Count);
        Assert.All(answers.Values, a => Assert.Equal(OnboardApplicationsResponse.OutcomeOneofCase.Registered, a.OutcomeCase));
    }
}
