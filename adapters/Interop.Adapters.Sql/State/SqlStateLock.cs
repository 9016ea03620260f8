using System.Globalization;
using Dapper;
using Interop.Adapters.Sdk.State;
using Npgsql;

namespace Interop.Adapters.Sql.State;

/// <summary>
/// The exclusive hold of the SDK's state in one ERP database: a session-level advisory lock
/// (<c>pg_try_advisory_lock</c>) on a connection kept open for the life of the store. A session lock dies with
/// its session: a stopped, killed or disconnected adapter never leaves it held (the server drops it when it
/// sees the session end: at once for a process that exits or is killed, after TCP keepalive for a machine that
/// vanishes). The holder checks it still holds it before the store's writes (<see cref="EnsureHeldAsync"/>).
/// </summary>
internal sealed class SqlStateLock : IAsyncDisposable
{
    // Two int4 keys rather than one bigint: pg_locks shows them as classid and objid (objsubid 2), which is how
    // a refused process finds the holder. The first says "Interop adapter state"; the ERP's own advisory locks,
    // if it takes any, would have to pick this exact pair to collide.
    internal const int KeySpace = 0x1A7E_5747;
    internal const int StateKey = 1;

    // Shown by pg_stat_activity, so the refusal (and a DBA) can tell which adapter holds the state.
    private const string NameSession = "SELECT set_config('application_name', @name, false)";

    private const string TryLock = "SELECT pg_try_advisory_lock(@space, @key)";

    private const string Unlock = "SELECT pg_advisory_unlock(@space, @key)";

    private const string Holder = """
        SELECT a.application_name AS ApplicationName, a.pid AS SessionPid, a.backend_start AS Since
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
          AND l.classid::bigint = @space AND l.objid::bigint = @key
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    private static readonly object Keys = new { space = KeySpace, key = StateKey };

    private readonly NpgsqlDataSource erp;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan checkInterval;
    private readonly SemaphoreSlim gate = new(1, 1);
    private NpgsqlConnection? connection;
    private DateTimeOffset checkedAt;
    private bool disposed;

    private SqlStateLock(NpgsqlDataSource erp, NpgsqlConnection connection, TimeProvider timeProvider, TimeSpan checkInterval)
    {
        this.erp = erp;
        this.connection = connection;
        this.timeProvider = timeProvider;
        this.checkInterval = checkInterval;
        checkedAt = timeProvider.GetUtcNow();
    }

    /// <summary>Takes the lock of the state in <paramref name="erp"/>'s database.</summary>
    /// <param name="checkInterval">How long a check that the lock is still held is trusted before the next write checks again.</param>
    /// <exception cref="AdapterStateInUseException">Another session holds it.</exception>
    public static async Task<SqlStateLock> TakeAsync(NpgsqlDataSource erp, TimeProvider timeProvider, TimeSpan checkInterval, CancellationToken cancellationToken) =>
        new(erp, await LockOnNewSessionAsync(erp, lost: false, cancellationToken), timeProvider, checkInterval);

    /// <summary>
    /// Checks, at most once per check interval, that the lock's session is alive; if it died (a restarted server,
    /// a cut connection, a terminated backend) the lock went with it and is taken again on a new session, unless
    /// another process took it meanwhile: then this store must not write, and every write fails with the holder.
    /// </summary>
    public async ValueTask EnsureHeldAsync(CancellationToken cancellationToken)
    {
        if (connection is not null && timeProvider.GetUtcNow() - checkedAt < checkInterval)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connection is not null && await AliveAsync(connection, cancellationToken))
            {
                checkedAt = timeProvider.GetUtcNow();
                return;
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
                connection = null;
            }

            connection = await LockOnNewSessionAsync(erp, lost: true, cancellationToken);
            checkedAt = timeProvider.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Unlocks (once; a later write fails with <see cref="ObjectDisposedException"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (connection is { } held)
            {
                try
                {
                    // Explicitly: closing returns the connection to the pool, where its session (and a session
                    // lock) would live on until the pool reset or pruned it.
                    await held.ExecuteAsync(Unlock, Keys);
                }
                catch (NpgsqlException)
                {
                    // The session is gone, and its lock with it.
                }

                await held.DisposeAsync();
                connection = null;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The one way the lock is taken, at opening and after a lost session: a new session, named after this
    /// process, that holds the lock, or <see cref="AdapterStateInUseException"/> naming the session that does.
    /// </summary>
    private static async Task<NpgsqlConnection> LockOnNewSessionAsync(NpgsqlDataSource erp, bool lost, CancellationToken cancellationToken)
    {
        var session = await erp.OpenConnectionAsync(cancellationToken);
        try
        {
            await session.ExecuteAsync(new CommandDefinition(NameSession, new { name = ApplicationName() }, cancellationToken: cancellationToken));

            // Not cancellable: a try-lock cancelled after the server granted it would return its session to the
            // pool (below) still holding the lock, and every other adapter would be refused until the pool reset it.
            if (!await session.ExecuteScalarAsync<bool>(new CommandDefinition(TryLock, Keys, cancellationToken: CancellationToken.None)))
            {
                var holder = await session.QuerySingleOrDefaultAsync<HolderRow>(new CommandDefinition(Holder, Keys, cancellationToken: cancellationToken));
                throw InUse(session, holder, lost);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> AliveAsync(NpgsqlConnection held, CancellationToken cancellationToken)
    {
        try
        {
            return await held.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)) == 1;
        }
        catch (Exception e) when ((e is NpgsqlException or InvalidOperationException) && !cancellationToken.IsCancellationRequested)
        {
            // Broken (terminated, server restarted, network cut): the server has dropped or will drop its lock.
            return false;
        }
    }

    private static string ApplicationName() =>
        string.Create(CultureInfo.InvariantCulture, $"Interop.Adapters.Sql pid {Environment.ProcessId} on {Environment.MachineName}");

    private static AdapterStateInUseException InUse(NpgsqlConnection connection, HolderRow? holder, bool lost)
    {
        var state = $"The adapter state in database '{connection.Database}' on {connection.Host}:{connection.Port.ToString(CultureInfo.InvariantCulture)}";
        var who = holder is null
            ? "another session (gone since, or not visible to this role)"
            : string.Create(CultureInfo.InvariantCulture, $"'{holder.ApplicationName}' (database session {holder.SessionPid}, since {holder.Since:u})");
        return new AdapterStateInUseException(lost
            ? $"{state} was lost by this adapter (its database session ended) and is now held by {who}: this adapter no longer writes it. One process per state: stop one of them."
            : $"{state} is in use by another adapter process: {who}. One process per state: stop the other one first.");
    }
}
