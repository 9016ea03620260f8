using System.Text.Json;
using Dapper;
using Interop.Adapters.Sdk.State;
using Npgsql;

namespace Interop.Adapters.Sql.State;

/// <summary>
/// The SDK's state in the ERP's own database (<c>interop</c> schema, see <c>Schema/outbox.sql</c>), row by row:
/// the links and applied change ids the <see cref="WriteBack.DossierWriter"/> writes in the transaction of each
/// hub change, the outbound marker (an outbox sequence), and the dead letters. Thread-safe (one connection per call).
/// One adapter process per database, enforced: the store holds a session-level advisory lock from <see cref="OpenAsync(NpgsqlDataSource, CancellationToken)"/>
/// to its disposal (<see cref="SqlStateLock"/>), so a second store on the same database, in this process or
/// another, is refused with <see cref="AdapterStateInUseException"/>.
/// </summary>
public sealed class SqlAdapterStateStore : IAdapterStateStore, IAsyncDisposable
{
    /// <summary>How long a check that the lock is still held is trusted before a write checks again (a round trip on the lock's connection).</summary>
    internal static readonly TimeSpan DefaultLockCheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The outbound letters of one ERP record, oldest first, through <c>dead_letters_erp_record</c> (the same
    /// expression, then the order): the SDK asks it after every change the hub accepts.
    /// </summary>
    internal const string OutboundDeadLettersOfRecord = """
        SELECT body::text FROM interop.dead_letters
        WHERE body->>'ErpRecordId' = @record AND body->'Direction' = @direction::jsonb
        ORDER BY body->>'ErpRecordId', dead_lettered_at, id
        """;

    private static readonly JsonSerializerOptions Json = new();

    // Compared as JSON, as the letter's body spells it (a number with these options, a name if they change).
    private static readonly string OutboundDirection = JsonSerializer.Serialize(DeadLetterDirection.Outbound, Json);

    private readonly NpgsqlDataSource erp;
    private readonly SqlStateLock held;

    private SqlAdapterStateStore(NpgsqlDataSource erp, SqlStateLock held)
    {
        this.erp = erp;
        this.held = held;
    }

    /// <summary>
    /// Opens the state in <paramref name="erp"/>'s database (the outbox installed) and holds it until disposed, the
    /// process ends or its lock's database session ends. Open it before the host starts and let the host dispose it
    /// (<c>Hosting/SqlHost.BuildAsync</c> does both), so a second adapter stops before any loop or ERP call.
    /// </summary>
    /// <exception cref="AdapterStateInUseException">Another adapter holds this database's state.</exception>
    public static Task<SqlAdapterStateStore> OpenAsync(NpgsqlDataSource erp, CancellationToken cancellationToken) =>
        OpenAsync(erp, TimeProvider.System, DefaultLockCheckInterval, cancellationToken);

    /// <summary>As <see cref="OpenAsync(NpgsqlDataSource, CancellationToken)"/>, with the lock's check interval (tests).</summary>
    internal static async Task<SqlAdapterStateStore> OpenAsync(NpgsqlDataSource erp, TimeProvider timeProvider, TimeSpan lockCheckInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erp);
        return new SqlAdapterStateStore(erp, await SqlStateLock.TakeAsync(erp, timeProvider, lockCheckInterval, cancellationToken));
    }

    /// <summary>
    /// Releases the lock: another adapter process may open the state. Asynchronous only (the unlock is a round trip
    /// on the lock's session); the default host disposes its services so, even from its <c>Dispose</c>.
    /// </summary>
    public ValueTask DisposeAsync() => held.DisposeAsync();

    /// <inheritdoc />
    public async ValueTask<string?> GetOutboundMarkerAsync(CancellationToken cancellationToken)
    {
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("SELECT outbound_marker FROM interop.adapter_marker", cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async ValueTask SetOutboundMarkerAsync(string marker, CancellationToken cancellationToken)
    {
        await held.EnsureHeldAsync(cancellationToken);
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO interop.adapter_marker (outbound_marker) VALUES (@marker) ON CONFLICT (id) DO UPDATE SET outbound_marker = excluded.outbound_marker",
            new { marker },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async ValueTask<ApplicationLink?> FindByErpRecordAsync(string erpRecordId, CancellationToken cancellationToken) =>
        await FindAsync("SELECT number, erp_record AS ErpRecord, revision FROM interop.links WHERE erp_record = @value", erpRecordId, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<ApplicationLink?> FindByNumberAsync(string number, CancellationToken cancellationToken) =>
        await FindAsync("SELECT number, erp_record AS ErpRecord, revision FROM interop.links WHERE number = @value", number, cancellationToken);

    /// <inheritdoc />
    public async ValueTask SaveLinkAsync(ApplicationLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        await held.EnsureHeldAsync(cancellationToken);
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SqlStateCommands.SaveLinkAsync(connection, transaction, link.Number, link.ErpRecordId, link.Revision, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> WasAppliedAsync(string changeId, CancellationToken cancellationToken)
    {
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM interop.applied_changes WHERE change_id = @changeId)", new { changeId }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async ValueTask MarkAppliedAsync(string changeId, CancellationToken cancellationToken)
    {
        await held.EnsureHeldAsync(cancellationToken);
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SqlStateCommands.MarkAppliedAsync(connection, transaction, changeId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await held.EnsureHeldAsync(cancellationToken);
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO interop.dead_letters (id, dead_lettered_at, body) VALUES (@id, @at, @body::jsonb) ON CONFLICT (id) DO NOTHING",
            new { id = deadLetter.Id, at = deadLetter.DeadLetteredAt.UtcDateTime, body = JsonSerializer.Serialize(deadLetter, Json) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken) =>
        ReadDeadLettersAsync("SELECT body::text FROM interop.dead_letters ORDER BY dead_lettered_at, id", null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeadLetter>> ListOutboundDeadLettersAsync(string erpRecordId, CancellationToken cancellationToken) =>
        ReadDeadLettersAsync(OutboundDeadLettersOfRecord, new { record = erpRecordId, direction = OutboundDirection }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<bool> RemoveDeadLetterAsync(Guid id, CancellationToken cancellationToken)
    {
        await held.EnsureHeldAsync(cancellationToken);
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM interop.dead_letters WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<ApplicationLink?> FindAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(sql, new { value }, cancellationToken: cancellationToken));
        return row is null ? null : new ApplicationLink(row.Number, row.ErpRecord, row.Revision);
    }

    /// <summary>The dead letters whose bodies <paramref name="sql"/> selects, in its order.</summary>
    private async ValueTask<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        var bodies = await connection.QueryAsync<string>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. bodies.Select(b => JsonSerializer.Deserialize<DeadLetter>(b, Json)!)];
    }
}
