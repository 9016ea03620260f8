using Grpc.Core;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Concurrency;

/// <summary>
/// A hub process killed with SIGKILL while registrations and a feed stream are
/// in flight: the writer retries with the same request ids against a new
/// process, the subscriber resumes after the last change it saw. Nothing is
/// lost, nothing applied twice, the feed has no gap.
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

        try
        {
            var streamStop = new CancellationTokenSource();
            var reading = ReadFeedAsync(() => channel, readerToken, seen, streamStop.Token);
            for (var i = 0; i < Registrations; i++)
            {
                if (i == Registrations / 2)
                {
                    // Kill without warning while the next request is sent.
                    var pending = new RegistryService.RegistryServiceClient(BearerToken.Over(channel, token)).CreateApplicationAsync(requests[i]).ResponseAsync;
                    current.Kill();
                    try
                    {
                        answered[requests[i].RequestId] = (await pending).Application.Number;
                    }
                    catch (RpcException)
                    {
                    }

                    second = await ExternalHubProcess.StartAsync(connectionString);
                    channel = GrpcChannel.ForAddress(second.Address);
                    current = second;
                }

                // The writer retries with the same request id until it has an answer.
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var registry = new RegistryService.RegistryServiceClient(BearerToken.Over(channel, token));
                        var number = (await registry.CreateApplicationAsync(requests[i])).Application.Number;
                        Assert.True(!answered.TryGetValue(requests[i].RequestId, out var earlier) || earlier == number, "a retry got another number");
                        answered[requests[i].RequestId] = number;
                        break;
                    }
                    catch (RpcException) when (attempt < 20)
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

            await streamStop.CancelAsync();
            await reading;

            var stored = await new DatabaseProbe(connectionString).QueryAsync<string>("SELECT number FROM applications WHERE registering_desk = 'W0001'");
            Assert.Equal(Registrations, stored.Count);
            Assert.Equal(answered.Values.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seen.Select(c => c.ChangeSeq));
            Assert.Equal(stored.Order(StringComparer.Ordinal), seen.Select(c => c.ApplicationState.Number).Order(StringComparer.Ordinal));
        }
        finally
        {
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

    /// <summary>A subscriber that resumes after the last change it saw whenever its stream breaks.</summary>
    private static async Task ReadFeedAsync(Func<GrpcChannel> channel, string token, List<Change> seen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var feed = new ChangeFeedService.ChangeFeedServiceClient(BearerToken.Over(channel(), token));
                var after = LastSeen(seen);
                using var call = feed.Subscribe(new SubscribeRequest { SubscriptionId = "reader", StartAfterChangeSeq = after }, cancellationToken: stop);
                await foreach (var message in call.ResponseStream.ReadAllAsync(stop))
                {
                    if (message.EventCase == SubscribeResponse.EventOneofCase.Change && message.Change.ChangeSeq > LastSeen(seen))
                    {
                        lock (seen)
                        {
                            seen.Add(message.Change);
                        }
                    }
                }
            }
            catch (RpcException) when (!stop.IsCancellationRequested)
            {
                await Task.Delay(200, CancellationToken.None);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
