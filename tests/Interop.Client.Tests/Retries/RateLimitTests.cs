using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Tests.Retries;

/// <summary>RATE_LIMITED is a transient refusal: retried after a pause, and typed when the retries are spent.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private string key = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("clientrate", settings: new Dictionary<string, string>
        {
            // A burst large enough for the fixture's own administration calls.
            ["Interop:RateLimitPerSecond"] = "2",
            ["Interop:RateLimitBurst"] = "8",
        });
        key = await HubAccess.IssueKeyAsync(hub.Channel, ClientHub.Landlord("rate-landlord", "RL001"));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task CallsBeyondTheLimit_WithoutRetries_ThrowQuotaExceededRateLimited()
    {
        using var client = InteropClient.Create(new InteropClientOptions { Address = hub.Address, ApiKey = key, Retry = new InteropRetryOptions { MaxAttempts = 1 } });

        var refusal = await Assert.ThrowsAsync<QuotaExceededException>(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await client.Registry.ListApplicationsAsync(new ListApplicationsRequest());
            }
        });

        Assert.Equal(Grpc.Core.StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.RateLimited, refusal.Reason);
        Assert.Equal("organizations/rate-landlord", refusal.Subject);
        // The hub's rate limiter sends no RetryInfo.
        Assert.Null(refusal.RetryDelay);
    }

    [Fact]
    public async Task CallsBeyondTheLimit_WithDefaultRetries_AllSucceed()
    {
        using var logs = new RecordedLogs();
        using var client = InteropClient.Create(new InteropClientOptions { Address = hub.Address, ApiKey = key, LoggerFactory = logs.Factory });

        for (var i = 0; i < 11; i++)
        {
            await client.Registry.ListApplicationsAsync(new ListApplicationsRequest());
        }

        Assert.True(logs.Count(1) > 0, "no call was rate limited and retried");
    }
}
