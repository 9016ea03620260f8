using System.Net;
using Google.Rpc;
using Interop.Testing;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>The organisation's rate limit holds on the HTTP/JSON door too, answered as HTTP 429 with a JSON status.</summary>
public sealed class RateLimitOverHttpTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync(
        "httpjson-ratelimit",
        settings: new Dictionary<string, string> { ["Interop:RateLimitPerSecond"] = "1", ["Interop:RateLimitBurst"] = "5" },
        httpJson: true);

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Calls_BeyondTheBurst_Are429WithQuotaFailure()
    {
        using var door = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId));
        var refusals = new List<(HttpStatusCode Http, Status Status, string Body)>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await door.SendRawAsync(HttpMethod.Get, "/v1/applications");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync();
                refusals.Add((response.StatusCode, JsonDoor.Parse<Status>(body), body));
            }
        }

        // 20 calls against a burst of 5 refilled at 1 per second: most are refused unless the calls take seconds.
        Assert.InRange(refusals.Count, 5, 15);
        Assert.All(refusals, r =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.Http);
            Assert.Equal("RATE_LIMITED", r.Status.GetDetail<ErrorInfo>().Reason);
            Assert.Equal("organizations/test-registrar", r.Status.GetDetail<QuotaFailure>().Violations.Single().Subject);
            Assert.Contains("type.googleapis.com/google.rpc.QuotaFailure", StatusJson.DetailTypes(r.Body, 8));
        });
    }
}
