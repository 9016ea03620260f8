using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;
using Xunit.Abstractions;

namespace Interop.Client.Tests.Replicas;

/// <summary>
/// An organisation's rate budget holds across replicas: three replicas behind
/// nginx each enforce a third of it, so an organisation calling as fast as it
/// can is accepted at its budget, not three times it.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaRateLimitTests(ITestOutputHelper output)
{
    // Small, so that even a busy test machine calls faster than three times the budget:
    // refusals cost no database work. A third of it each: 1 call per second and replica.
    private const int PerSecond = 3;
    private const int Burst = 3;
    private const int Callers = 16;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task ThreeReplicas_AcceptAnOrganisationsCallsWithinItsBudget_NotThreeTimesIt()
    {
        await using var replicas = await ThreeReplicas.StartAsync("ratelimit", new Dictionary<string, string>
        {
            ["Interop__RateLimitPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Interop__RateLimitBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog__MinimumLevel__Override__Interop.Hub.Replicas.ReplicaHeartbeat"] = "Information",
        });
        using var channel = GrpcChannel.ForAddress(replicas.Proxy.Address);
        var key = await HubAccess.IssueKeyAsync(channel, ClientHub.Landlord("busy", "KL001"));
        await replicas.WaitUntilEveryLiveReplicaLogsAsync(line => line.Contains("3 hub replicas alive", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        // Raw calls, no client retries: every answer is counted as it comes.
        var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channel, key));
        var accepted = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < Period)
            {
                try
                {
                    await registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 });
                    Interlocked.Increment(ref accepted);
                }
                catch (RpcException refusal) when (refusal.StatusCode == StatusCode.ResourceExhausted)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));

        // The budget over the period: the burst, then the rate for each second begun (the buckets
        // refill once a second, so a period of 6 s may see 7 refills): 24. Each replica on the whole
        // budget would accept about three times as much (3 × (3 + 6 × 3) = 63), and a caller that
        // never reached the limit proves nothing either way.
        var budget = Burst + (PerSecond * ((int)Period.TotalSeconds + 1));
        output.WriteLine($"{accepted} accepted, {refused} refused in {Period.TotalSeconds} s; budget {budget}");
        Assert.True(refused > 0, $"nothing was refused ({accepted} accepted): the callers never reached the limit");
        Assert.True(accepted <= budget, $"{accepted} calls accepted in {Period.TotalSeconds} s, over the organisation's budget of {budget}");
        Assert.True(accepted >= PerSecond * Period.TotalSeconds / 2, $"only {accepted} calls accepted in {Period.TotalSeconds} s: the replicas allow far less than the budget");
    }
}
