using Dapper;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Projections;
using Interop.Hub.Storage;
using Interop.Hub.Feed;
using Interop.Hub.Storage.Feed;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// The runner of read models kept from the feed: every sequenced change reaches a projection once and in
/// order; a page that fails is applied again whole, never half; a rebuild replays the log; retention
/// never prunes changes a projection has not read.
/// </summary>
public sealed class ProjectionRunnerTests : IAsyncLifetime
{
    private readonly TallyProjection tally = new();
    private HubHost hub = null!;
    private CallInvoker landlord = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("projections", services: services => services.AddSingleton<IChangeProjection>(tally));
        landlord = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private ProjectionRunner Runner => hub.Services.GetRequiredService<ProjectionRunner>();

    [Fact]
    public async Task EverySequencedChange_ReachesTheProjectionOnce_InChangeSeqOrder()
    {
        await RegisterAndRadiateAsync(count: 7);

        await Runner.CatchUpAsync(CancellationToken.None);

        var (tallied, logged) = await TallyAgainstLogAsync();
        Assert.Equal(logged, tallied);
        Assert.Equal(14, tallied.Count(row => row.Kind is Storage.Changes.ChangeKind.Registered or Storage.Changes.ChangeKind.Radiated));
        Assert.Equal(await CheckpointAsync(), logged[^1].ChangeSeq);
    }

    [Fact]
    public async Task APageThatFailsAfterWriting_IsRolledBackWithItsCheckpoint_AndAppliedAgainWhole()
    {
        hub.ExpectErrorLogs = true;
        await RegisterAndRadiateAsync(count: 3);
        tally.FailAfterWriting(times: 1);

        // The failure lands in this call or in the background runner, whichever takes the page first.
        try
        {
            await Runner.CatchUpAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
        }

        await Runner.CatchUpAsync(CancellationToken.None);

        var (tallied, logged) = await TallyAgainstLogAsync();
        Assert.Equal(logged, tallied);
    }

    [Fact]
    public async Task ARebuild_EmptiesTheReadModel_AndReplaysTheWholeLog()
    {
        await RegisterAndRadiateAsync(count: 4);
        await Runner.CatchUpAsync(CancellationToken.None);
        await using (var connection = new NpgsqlConnection(hub.ConnectionString))
        {
            // A read model gone wrong: rows lost and one that no change explains.
            await connection.ExecuteAsync("DELETE FROM test_tally WHERE change_seq % 2 = 0; INSERT INTO test_tally VALUES (999999, 'X', 'BOGUS')");
        }

        await Runner.RebuildAsync(tally.Name, CancellationToken.None);

        var (tallied, logged) = await TallyAgainstLogAsync();
        Assert.Equal(logged, tallied);
    }

    [Fact]
    public async Task Retention_NeverPrunesChangesAProjectionHasNotRead()
    {
        await RegisterAndRadiateAsync(count: 3);
        await Runner.CatchUpAsync(CancellationToken.None);
        var read = await CheckpointAsync();
        await RegisterAndRadiateAsync(count: 3);
        await hub.Services.GetRequiredService<SequencerService>().RunOnceAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.ExecuteAsync("UPDATE projection_checkpoints SET checkpoint_seq = @read WHERE projection = @name", new { read, name = tally.Name });
        await using var busy = await HoldCheckpointAsync();

        await using (var pruning = new NpgsqlConnection(hub.ConnectionString))
        {
            await pruning.OpenAsync();
            await hub.Services.GetRequiredService<FeedStore>().PruneAsync(pruning, DateTimeOffset.UtcNow.AddYears(10), CancellationToken.None);
        }

        var oldest = await connection.ExecuteScalarAsync<long>("SELECT min(change_seq) FROM changes WHERE change_seq IS NOT NULL");
        Assert.Equal(read + 1, oldest);
    }

    /// <summary>Keeps the background runner off the tally while retention runs (the row lock a working replica holds).</summary>
    private async Task<NpgsqlTransaction> HoldCheckpointAsync()
    {
        var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT 1 FROM projection_checkpoints WHERE projection = @name FOR UPDATE", new { name = tally.Name }, transaction);
        return transaction;
    }

    private async Task RegisterAndRadiateAsync(int count)
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        for (var i = 0; i < count; i++)
        {
            var created = (await registry.CreateApplicationAsync(TestApplications.Create("LA001"))).Application;
            await registry.RadiateApplicationAsync(new RadiateApplicationRequest
            {
                Name = $"applications/{created.Number}",
                RequestId = Guid.NewGuid().ToString(),
                ExpectedRevision = created.Revision,
                Reason = RadiationReason.Renunciation,
            });
        }
    }

    private async Task<(List<Row> Tallied, List<Row> Logged)> TallyAgainstLogAsync()
    {
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        var tallied = (await connection.QueryAsync<Row>("SELECT change_seq, application_number, kind FROM test_tally ORDER BY change_seq")).AsList();
        var logged = (await connection.QueryAsync<Row>(
            "SELECT change_seq, application_number, kind FROM changes WHERE change_seq IS NOT NULL ORDER BY change_seq")).AsList();
        return (tallied, logged);
    }

    private async Task<long> CheckpointAsync()
    {
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT checkpoint_seq FROM projection_checkpoints WHERE projection = @name", new { name = tally.Name });
    }

    private sealed record Row(long ChangeSeq, string ApplicationNumber, string Kind);
}
