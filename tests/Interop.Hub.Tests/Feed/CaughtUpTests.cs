using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using Npgsql;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// <c>caught_up</c> promises "every change up to the current head": a reader that stops at it (the national
/// export, <c>interop feed</c>) must have every change numbered before it subscribed, even when the
/// process's shared window has not taken that change's page yet. Raw streams over a real socket.
/// </summary>
public sealed class CaughtUpTests : IAsyncLifetime
{
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
    public async Task ASubscriptionStartedWhileTheWindowLagsTheSequencer_GetsTheNumberedChangeBeforeItsCaughtUpMarker()
    {
        var feed = new ChangeFeedService.ChangeFeedServiceClient(prefecture);
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        using var waiting = feed.Subscribe(new SubscribeRequest { SubscriptionId = "waiting" });
        await NextAsync(waiting, SubscribeResponse.EventOneofCase.CaughtUp);

        // The window lags: the fan-out audits a new page for the stream waiting at its head before it
        // publishes it, and that insert waits for this lock. The sequencer and the stream's own database
        // reads do not.
        await using var database = new NpgsqlConnection(hub.ConnectionString);
        await database.OpenAsync();
        await using var holdAudit = await database.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE feed_delivery_audits IN EXCLUSIVE MODE", database, holdAudit))
        {
            await command.ExecuteNonQueryAsync();
        }

        var created = await new RegistryService.RegistryServiceClient(landlord).CreateApplicationAsync(TestApplications.Create("LA001"));
        var numbered = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        Assert.Equal(head + 1, numbered);

        using var reader = feed.Subscribe(new SubscribeRequest { SubscriptionId = "reader", StartAfterChangeSeq = head });
        var first = reader.ResponseStream.MoveNext(CancellationToken.None);
        if (await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(2))) == first && await first)
        {
            var early = reader.ResponseStream.Current;
            Assert.False(early.EventCase == SubscribeResponse.EventOneofCase.CaughtUp,
                $"caught up at {early.CaughtUp?.ChangeSeq} while change {numbered} was numbered before the subscription");
        }

        await holdAudit.CommitAsync();

        Assert.True(await first);
        Assert.Equal(
            (SubscribeResponse.EventOneofCase.Change, numbered, "applications/" + created.Application.Number),
            (reader.ResponseStream.Current.EventCase, reader.ResponseStream.Current.Change?.ChangeSeq ?? 0, reader.ResponseStream.Current.Change?.Application));
        var caughtUp = await NextAsync(reader, SubscribeResponse.EventOneofCase.CaughtUp);
        Assert.Equal(numbered, caughtUp.CaughtUp.ChangeSeq);
    }

    private static async Task<SubscribeResponse> NextAsync(AsyncServerStreamingCall<SubscribeResponse> call, SubscribeResponse.EventOneofCase wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (call.ResponseStream.Current.EventCase == wanted)
            {
                return call.ResponseStream.Current;
            }
        }

        throw new Xunit.Sdk.XunitException($"The stream ended before {wanted}.");
    }
}
