using Grpc.Core;
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
            ["Interop:RateLimitBurst"] = "20",
        });
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task AStreamOfMoreRecordsThanTheBurst_WaitsForTokens_AllRegistered_AndLeavesTheBucketEmpty()
    {
        // 25 records and the stream itself: 26 tokens against a burst of 20 refilled at 1 per second.
        var records = Enumerable.Range(0, 25).Select(_ => OnboardingBatchTests.Registration(TestApplications.Valid())).ToList();

        var answers = await OnboardingBatchTests.OnboardAsync(registry, records);

        Assert.Equal(25, answers.Count);
        Assert.All(answers.Values, a => Assert.Equal(OnboardApplicationsResponse.OutcomeOneofCase.Registered, a.OutcomeCase));

        // The records drew the bucket down (one token per stream would leave 19): of five calls at once,
        // at most the one or two tokens refilled meanwhile let some through; the others are refused.
        var calls = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                await registry.GetApplicationAsync(new GetApplicationRequest { Name = answers.Values.First().Registered.Application.Name });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));
        Assert.Contains(StatusCode.ResourceExhausted, calls);
    }
}
