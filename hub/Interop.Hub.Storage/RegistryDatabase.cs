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
    /// <summary>The channel on which a committed change is announced, so change-feed streams wake at once.</summary>
    public const string ChangesChannel = "interop_changes";

    static RegistryDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private readonly SemaphoreSlim notifying = new(1, 1);
    private long notifyRequested;
    private long notifySent;

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
    /// Raised in this process as soon as a writer announces committed changes,
    /// before the NOTIFY that tells the other processes: the local sequencer
    /// wakes on the commit itself, without a round trip through PostgreSQL.
    /// </summary>
    public event Action? ChangesCommitted;

    /// <summary>
    /// Announces committed changes; called after commit, never inside the
    /// transaction (a NOTIFY inside it would take PostgreSQL's notify-queue
    /// lock at commit and serialise every writer's commit).
    /// </summary>
    /// <remarks>
    /// Writers that announce while a NOTIFY is under way share the next one
    /// instead of each opening a connection for its own: one NOTIFY in flight
    /// per process, whatever the write rate.
    /// </remarks>
    public async Task NotifyChangesAsync(CancellationToken cancellationToken)
    {
        ChangesCommitted?.Invoke();
        var mine = Interlocked.Increment(ref notifyRequested);
        await notifying.WaitAsync(cancellationToken);
        try
        {
            // A NOTIFY sent after this request was made already announced it.
            if (Volatile.Read(ref notifySent) >= mine)
            {
                return;
            }

            var covered = Volatile.Read(ref notifyRequested);
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_notify(@channel, @payload)", new { channel = ChangesChannel, payload = InstanceId }, cancellationToken: cancellationToken));
            Volatile.Write(ref notifySent, covered);
        }
        finally
        {
            notifying.Release();
        }
    }
}
