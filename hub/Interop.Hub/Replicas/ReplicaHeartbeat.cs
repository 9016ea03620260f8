using Interop.Hub.Storage;
using Interop.Hub.Storage.Replicas;
using Npgsql;

namespace Interop.Hub.Replicas;

/// <summary>
/// Keeps this process' row in <c>hub_replicas</c> fresh and knows how many
/// replicas are alive on the database, so that each enforces its share of an
/// organisation's rate budget (<see cref="Access.RateLimiting"/>): N replicas
/// behind a balancer that spreads calls allow the budget, not N times it.
/// </summary>
/// <remarks>
/// The first beat is written before the hub serves calls, so a replica never
/// starts with the whole budget while others run. A killed replica keeps
/// counting until its row is older than <see cref="Liveness"/>: the others
/// then allow a little less than the budget for that long, never more. A
/// database that does not answer keeps the last count.
/// </remarks>
internal sealed class ReplicaHeartbeat(RegistryDatabase database, ReplicaStore replicas, ILogger<ReplicaHeartbeat> logger) : BackgroundService
{
    /// <summary>How often each replica refreshes its row.</summary>
    public static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(3);

    /// <summary>A replica unseen for this long no longer counts.</summary>
    public static readonly TimeSpan Liveness = TimeSpan.FromSeconds(10);

    private int live = 1;

    /// <summary>Replicas alive on this database, this one included (at least 1).</summary>
    public int LiveReplicas => Volatile.Read(ref live);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Leaving at once hands this replica's share to the others now rather than after the liveness window.
            await using var connection = await database.OpenAsync(cancellationToken);
            await replicas.LeaveAsync(connection, database.InstanceId, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            // Best effort: the row stops counting after the liveness window anyway. (A host torn down as a
            // whole, as tests do, may have disposed the data source before this service stops.)
            ReplicasLog.LeaveFailed(logger, exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Machine time, not the hub's TimeProvider: this is the pace of a liveness signal
            // compared with the database's clock, which a test's fake clock must not freeze.
            await Task.Delay(BeatInterval, TimeProvider.System, stoppingToken);
            await BeatAsync(stoppingToken);
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var count = Math.Max(1, await replicas.BeatAsync(connection, database.InstanceId, Liveness, cancellationToken));
            if (Interlocked.Exchange(ref live, count) != count)
            {
                ReplicasLog.CountChanged(logger, count);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            ReplicasLog.BeatFailed(logger, exception);
        }
    }
}
