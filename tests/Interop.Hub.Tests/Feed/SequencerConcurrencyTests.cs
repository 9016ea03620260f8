using System.Collections.Concurrent;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Feed;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.Feed;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// The trap of every change feed: positions are handed out at insert time but
/// transactions commit in another order. Many writers here touch the same few
/// applications, take their transaction id early and commit late on purpose,
/// some roll back — while a subscriber reads the feed as it grows. It must see
/// every committed change exactly once, numbered 1, 2, 3… without a gap, and
/// each application's revisions in increasing order.
/// </summary>
public sealed class SequencerConcurrencyTests : IAsyncLifetime
{
    private const int Writers = 12;
    private const int ChangesPerWriter = 25;

    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("sequencer");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ConcurrentLateCommittingWriters_AreSequencedWithoutGapDuplicateOrRevisionOutOfOrder()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add((await registry.CreateApplicationAsync(TestApplications.Create())).Application.Number);
        }

        var applications = hub.Services.GetRequiredService<ApplicationStore>();
        var changes = hub.Services.GetRequiredService<ChangeLog>();
        var feed = hub.Services.GetRequiredService<FeedStore>();
        var sequencer = hub.Services.GetRequiredService<SequencerService>();
        var dataSource = hub.Services.GetRequiredService<NpgsqlDataSource>();
        var committed = new ConcurrentBag<(string Number, long Revision)>();
        var seen = new List<FeedChange>();
        using var writing = new CancellationTokenSource();

        var subscriber = Task.Run(async () =>
        {
            long after = 0;
            while (true)
            {
                await sequencer.RunOnceAsync(CancellationToken.None);
                await using var connection = await dataSource.OpenConnectionAsync();
                var page = await feed.ReadAfterAsync(connection, after, 50, CancellationToken.None);
                seen.AddRange(page);
                after = page.Count > 0 ? page[^1].ChangeSeq : after;
                // Done once the writers are and nothing is left to number (the
                // hub's own sequencer may hold the lock when ours tries).
                if (page.Count == 0 && writing.IsCancellationRequested
                    && await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM changes WHERE change_seq IS NULL") == 0)
                {
                    return;
                }

                await Task.Delay(5);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var i = 0; i < ChangesPerWriter; i++)
            {
                var number = numbers[random.Next(numbers.Count)];
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();

                // Take a transaction id now and use it later: an older id can
                // then write a newer revision than a younger transaction did.
                await connection.ExecuteAsync("SELECT pg_current_xact_id()", transaction: transaction);
                await Task.Delay(random.Next(0, 30));
                var current = (await applications.GetForUpdateAsync(transaction, number, CancellationToken.None))!;
                var changed = current with { Revision = current.Revision + 1, UpdatedAt = DateTimeOffset.UtcNow };
                await applications.UpdateAsync(transaction, changed, CancellationToken.None);
                await changes.AppendAsync(transaction, changed, current, Interop.Hub.Storage.Changes.ChangeKind.Updated, "test-writer", null, DateTimeOffset.UtcNow, null, CancellationToken.None);

                // Some commit late (the others' changes are numbered meanwhile); some roll back.
                if (random.Next(4) == 0)
                {
                    await Task.Delay(random.Next(50, 250));
                }

                if (random.Next(10) == 0)
                {
                    await transaction.RollbackAsync();
                    continue;
                }

                await transaction.CommitAsync();
                committed.Add((number, changed.Revision));
            }
        })));
        await writing.CancelAsync();
        await subscriber;

        var registrations = numbers.Select(n => (n, 1L));
        var expected = committed.Concat(registrations).OrderBy(c => c.Item1).ThenBy(c => c.Item2).ToList();
        Assert.Equal(expected, seen.Select(c => (c.ApplicationNumber, c.Revision)).OrderBy(c => c.ApplicationNumber).ThenBy(c => c.Revision).ToList());
        Assert.True(
            Enumerable.Range(1, seen.Count).Select(i => (long)i).SequenceEqual(seen.Select(c => c.ChangeSeq)),
            "change_seq as seen: " + string.Join(",", seen.Select(c => c.ChangeSeq)));
        foreach (var group in seen.GroupBy(c => c.ApplicationNumber))
        {
            Assert.Equal(Enumerable.Range(1, group.Count()).Select(i => (long)i), group.Select(c => c.Revision));
        }
    }

    [Fact]
    public async Task OlderTransactionWritingTheNewerRevision_IsNumberedAfterTheOlderRevision()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var number = (await registry.CreateApplicationAsync(TestApplications.Create())).Application.Number;
        var other = (await registry.CreateApplicationAsync(TestApplications.Create())).Application.Number;
        var applications = hub.Services.GetRequiredService<ApplicationStore>();
        var changes = hub.Services.GetRequiredService<ChangeLog>();
        var feed = hub.Services.GetRequiredService<FeedStore>();
        var sequencer = hub.Services.GetRequiredService<SequencerService>();
        var dataSource = hub.Services.GetRequiredService<NpgsqlDataSource>();
        // Both registrations numbered before the head is read: a run of ours finds the lock taken when the
        // hub's own sequencer holds it, and a registration numbered after the read was counted with the three.
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);

        async Task WriteRevisionAsync(NpgsqlTransaction transaction, string application)
        {
            var current = (await applications.GetForUpdateAsync(transaction, application, CancellationToken.None))!;
            var changed = current with { Revision = current.Revision + 1, UpdatedAt = DateTimeOffset.UtcNow };
            await applications.UpdateAsync(transaction, changed, CancellationToken.None);
            await changes.AppendAsync(transaction, changed, current, Interop.Hub.Storage.Changes.ChangeKind.Updated, "test-writer", null, DateTimeOffset.UtcNow, null, CancellationToken.None);
        }

        // The older transaction takes its id first, then writes revision 3
        // after the younger one wrote and committed revision 2: in
        // transaction-id order revision 3 comes first, in the feed it must not.
        await using var olderConnection = await dataSource.OpenConnectionAsync();
        await using var older = await olderConnection.BeginTransactionAsync();
        await olderConnection.ExecuteAsync("SELECT pg_current_xact_id()", transaction: older);
        await using (var youngerConnection = await dataSource.OpenConnectionAsync())
        await using (var younger = await youngerConnection.BeginTransactionAsync())
        {
            await WriteRevisionAsync(younger, other);
            await WriteRevisionAsync(younger, number);
            await younger.CommitAsync();
        }

        await WriteRevisionAsync(older, number);
        await older.CommitAsync();

        // The hub's own sequencer may hold the lock when ours tries: run until nothing waits.
        List<FeedChange> seen;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await sequencer.RunOnceAsync(CancellationToken.None);
            await using var connection = await dataSource.OpenConnectionAsync();
            seen = [.. await feed.ReadAfterAsync(connection, head, 50, CancellationToken.None)];
            if (seen.Count == 3)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {seen.Count} of the 3 changes were numbered after 30 s.");
            await Task.Delay(5);
        }

        Assert.Equal([head + 1, head + 2, head + 3], seen.Select(c => c.ChangeSeq));
        Assert.Equal([2L, 3L], seen.Where(c => c.ApplicationNumber == number).Select(c => c.Revision));
    }

    [Fact]
    public async Task ChangeCommittedWhileAnOlderTransactionIsOpen_IsNumberedWithoutWaitingForIt()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var number = (await registry.CreateApplicationAsync(TestApplications.Create())).Application.Number;
        var applications = hub.Services.GetRequiredService<ApplicationStore>();
        var changes = hub.Services.GetRequiredService<ChangeLog>();
        var feed = hub.Services.GetRequiredService<FeedStore>();
        var sequencer = hub.Services.GetRequiredService<SequencerService>();
        var dataSource = hub.Services.GetRequiredService<NpgsqlDataSource>();

        // An older transaction holds a transaction id and a change of its own, and stays open.
        await using var olderConnection = await dataSource.OpenConnectionAsync();
        await using var older = await olderConnection.BeginTransactionAsync();
        var current = (await applications.GetForUpdateAsync(older, number, CancellationToken.None))!;
        var changed = current with { Revision = current.Revision + 1, UpdatedAt = DateTimeOffset.UtcNow };
        await applications.UpdateAsync(older, changed, CancellationToken.None);
        await changes.AppendAsync(older, changed, current, Interop.Hub.Storage.Changes.ChangeKind.Updated, "test-writer", null, DateTimeOffset.UtcNow, null, CancellationToken.None);

        // A younger registration commits meanwhile: it is in the feed while the older one is still open.
        var younger = (await registry.CreateApplicationAsync(TestApplications.Create())).Application.Number;
        var numbered = await NumberedAsync(younger);

        // The older transaction's change comes after it, once committed.
        await older.CommitAsync();
        var late = await NumberedAsync(number, revision: 2);
        Assert.Equal(numbered.ChangeSeq + 1, late.ChangeSeq);

        async Task<FeedChange> NumberedAsync(string application, long revision = 1)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                await sequencer.RunOnceAsync(CancellationToken.None);
                await using var connection = await dataSource.OpenConnectionAsync();
                var found = (await feed.ReadAfterAsync(connection, 0, 1000, CancellationToken.None))
                    .SingleOrDefault(c => c.ApplicationNumber == application && c.Revision == revision);
                if (found is not null)
                {
                    return found;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Revision {revision} of {application} was not numbered within 30 s.");
                await Task.Delay(5);
            }
        }
    }
}
