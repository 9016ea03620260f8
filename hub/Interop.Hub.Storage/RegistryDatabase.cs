using Dapper;
using Npgsql;

namespace Interop.Hub.Storage;

/// <summary>
/// The hub's PostgreSQL database. Every write runs in one transaction that the
/// caller opens here and passes to the stores, so a change, its event and its
/// idempotency record commit together or not at all.
/// </summary>
/// <remarks>
/// One signature for every store method: where it runs comes first, the
/// cancellation token last, and nothing is optional. A write, a lock, and a read
/// that must see the transaction's own writes (or belong to its snapshot) take
/// the <see cref="NpgsqlTransaction"/>; a read on its own takes the
/// <see cref="NpgsqlConnection"/>; a read used both ways has both overloads. So
/// a reader of the calling code sees which reads run inside a write. (With
/// Npgsql a command on a connection runs in its open transaction whether or not
/// it names it; naming it is for the reader, and for any provider that checks.)
/// </remarks>
public sealed class RegistryDatabase(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The channel on which writers used to announce committed changes to the
    /// other processes' sequencers. Nothing sends on it any more (see
    /// <see cref="NotifyChangesAsync"/>); hubs still listen to it, so that a
    /// replica of the previous version, during a rolling upgrade, still wakes them.
    /// </summary>
    public const string ChangesChannel = "interop_changes";

    static RegistryDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>
    /// This process' NOTIFY payload, so that its own listener can ignore its
    /// own announcements (it already signalled them in process).
    /// </summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task<NpgsqlTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Raised in this process as soon as a writer announces committed changes:
    /// the local sequencer wakes on the commit itself, without a round trip
    /// through PostgreSQL.
    /// </summary>
    public event Action? ChangesCommitted;

    /// <summary>
    /// Announces committed changes to this process' sequencer; called after
    /// commit, never inside the transaction.
    /// </summary>
    /// <remarks>
    /// Every hub process runs a sequencer, so the writer's own process numbers
    /// its changes: when another process holds the sequencer at that moment,
    /// this one finds the changes still waiting and tries again a few
    /// milliseconds later. A NOTIFY to the other processes is not needed, and
    /// it cost every write a transaction of its own, with a WAL flush under
    /// PostgreSQL's notify lock, which the sequencer's own NOTIFY then queued
    /// behind (issue 15's measurements). The other processes hear of new
    /// changes from the sequencer's NOTIFY, once they are numbered.
    /// </remarks>
    public Task NotifyChangesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ChangesCommitted?.Invoke();
        return Task.CompletedTask;
    }
}
