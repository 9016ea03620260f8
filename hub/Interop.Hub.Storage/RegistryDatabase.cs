using Dapper;
using Npgsql;

namespace Interop.Hub.Storage;

/// <summary>
/// The hub's PostgreSQL database. Every write runs in one transaction that the
/// caller opens here and passes to the stores, so a change, its event and its
/// idempotency record commit together or not at all.
/// </summary>
public sealed class RegistryDatabase(NpgsqlDataSource dataSource)
{
    /// <summary>The channel on which a committed change is announced, so change-feed streams wake at once.</summary>
    public const string ChangesChannel = "interop_changes";

    static RegistryDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public NpgsqlDataSource DataSource { get; } = dataSource;

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

    /// <summary>Announces committed changes; called after commit, never inside the transaction.</summary>
    public async Task NotifyChangesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"NOTIFY {ChangesChannel}", cancellationToken: cancellationToken));
    }
}
