using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Concurrency;

/// <summary>
/// A hub process killed with SIGKILL while registrations and a feed stream are
/// in flight: the writer retries with the same request ids against a new
/// process on the same address, the subscriber (the client library's
/// subscription) resumes after the last change it saw. Nothing is lost,
/// nothing applied twice, the feed has no gap.
/// </summary>
public sealed class HubKilledTests
{
    private const int Registrations = 120;

    [Fact]
    public async Task HubKilledDuringWritesAndStreams_AfterRestartNothingIsLostOrDuplicated()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("killed");
        var first = await ExternalHubProcess.StartAsync(connectionString);
        using var firstChannel = GrpcChannel.ForAddress(first.Address);
        var token = await HubAccess.IssueKeyAsync(firstChannel, TestOrganizations.Of("writer", OrganizationKind.Landlord, stock: ["14118"], desks: ["W0001"]));
        var readerToken = await HubAccess.IssueKeyAsync(firstChannel, TestOrganizations.Of("reader", OrganizationKind.StateService, departements: ["14"]));

        var requests = Enumerable.Range(0, Registrations).Select(_ => TestApplications.Create("W0001")).ToList();
        var seen = new List<Change>();
        var current = first;
        GrpcChannel channel = firstChannel;
        ExternalHubProcess? second = null;
        var answered = new Dictionary<string, string>();

        using var reader = new InteropClient(first.Address, readerToken);
        var subscription = reader.Subscribe(new FeedSubscriptionOptions
        {
            SubscriptionId = "reader",
            StartAfterChangeSeq = 0,
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        });
        var reading = FeedReadLoop.Start(subscription.ReadAllAsync, (change, _) =>
        {
            lock (seen)
            {
                seen.Add(change);
            }

            return ValueTask.CompletedTask;
        });
        try
        {
            for (var i = 0; i < Registrations; i++)
            {
                if (i == Registrations / 2)
                {
                    // Kill without warning while the next request is sent.
                    var pending = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channel, token)).CreateApplicationAsync(requests[i]).ResponseAsync;
                    current.Kill();
                    try
                    {
                        answered[requests[i].RequestId] = (await pending).Application.Number;
                    }
                    catch (RpcException)
                    {
                    }

                    // An operator restarts the hub where its clients know it.
                    second = await ExternalHubProcess.StartAsync(connectionString, port: first.Address.Port);
                    channel = GrpcChannel.ForAddress(second.Address);
                    current = second;
                }

                // The writer retries with the same request id until it has an answer.
                // The restarted hub may still be starting on the same port (its
                // listening check can meet the killed process's socket in its
                // last moments), hence a budget in time rather than a few attempts.
                var giveUp = DateTime.UtcNow.AddSeconds(60);
                while (true)
                {
                    try
                    {
                        var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channel, token));
                        var number = (await registry.CreateApplicationAsync(requests[i])).Application.Number;
                        Assert.True(!answered.TryGetValue(requests[i].RequestId, out var earlier) || earlier == number, "a retry got another number");
                        answered[requests[i].RequestId] = number;
                        break;
                    }
                    catch (RpcException) when (DateTime.UtcNow < giveUp)
                    {
                        await Task.Delay(200);
                    }
                }
            }

            var head = await FeedHead.WhenSequencedAsync(connectionString);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && LastSeen(seen) < head)
            {
                await Task.Delay(50);
            }

            await reading.DisposeAsync();

            var stored = await new DatabaseProbe(connectionString).QueryAsync<string>("SELECT number FROM applications WHERE registering_desk = 'W0001'");
            Assert.Equal(Registrations, stored.Count);
            Assert.Equal(answered.Values.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seen.Select(c => c.ChangeSeq));
            Assert.Equal(stored.Order(StringComparer.Ordinal), seen.Select(c => c.ApplicationState.Number).Order(StringComparer.Ordinal));
        }
        finally
        {
            await reading.DisposeAsync();
            await subscription.DisposeAsync();
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            channel.Dispose();
        }
    }

    private static long LastSeen(List<Change> seen)
    {
        lock (seen)
        {
            return seen.Count == 0 ? 0 : seen[^1].ChangeSeq;
        }
    }
}
