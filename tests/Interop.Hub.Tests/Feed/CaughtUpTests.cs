using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using Npgsql;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// <c>caught_up</c> promises "every change up to the current head": a reader that stops at it (the national
/// export, <c>interop feed</c>) must have every change numbered before it subscribed, even when the
/// process's shared window has not read that change's page yet. Raw streams over a real socket.
/// </summary>
public sealed class CaughtUpTests : IAsyncLifetime
{
    private const int Tries = 40;
    private HubHost hub = null!;
    private CallInvoker landlord = null!;
    private CallInvoker prefecture = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("caughtup");
        landlord = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
        prefecture = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ASubscriptionStartedAsSoonAsAChangeIsNumbered_GetsThatChangeBeforeItsCaughtUpMarker()
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        var feed = new ChangeFeedService.ChangeFeedServiceClient(prefecture);
        await using var database = new NpgsqlConnection(hub.ConnectionString);
        await database.OpenAsync();
        await using var lastSeq = new NpgsqlCommand("SELECT last_seq FROM feed_state", database);

        // The fan-out reads a numbered page a moment after the sequencer commits it; each try subscribes
        // within that moment as often as the machine allows.
        for (var i = 0; i < Tries; i++)
        {
            var before = (long)(await lastSeq.ExecuteScalarAsync())!;
            await registry.CreateApplicationAsync(TestApplications.Create("LA001"));
            long numbered;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((numbered = (long)(await lastSeq.ExecuteScalarAsync())!) <= before)
            {
                Assert.True(DateTime.UtcNow < deadline, "The change was never numbered.");
            }

            using var call = feed.Subscribe(new SubscribeRequest { SubscriptionId = $"reader-{i}", StartAfterChangeSeq = before });
            var changes = new List<long>();
            while (true)
            {
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "The stream ended before caught_up.");
                var message = call.ResponseStream.Current;
                if (message.EventCase == SubscribeResponse.EventOneofCase.Change)
                {
                    changes.Add(message.Change.ChangeSeq);
                }
                else if (message.EventCase == SubscribeResponse.EventOneofCase.CaughtUp)
                {
                    Assert.True(message.CaughtUp.ChangeSeq >= numbered, $"try {i}: caught up at {message.CaughtUp.ChangeSeq}, the head was {numbered}");
                    break;
                }
            }

            Assert.Equal(Enumerable.Range((int)before + 1, (int)(numbered - before)).Select(s => (long)s), changes);
        }
    }
}
