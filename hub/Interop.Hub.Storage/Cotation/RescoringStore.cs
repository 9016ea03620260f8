using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Cotation;

/// <summary>
/// The territory rescorings a publication asks for (<c>cotation_rescorings</c>, migration 0016), with
/// their cursor. The caller owns the transaction.
/// </summary>
public sealed class RescoringStore
{
    /// <summary>
    /// Asks for a rescoring of <paramref name="gridId"/>'s territory from its first application: a rescoring
    /// in progress starts again, since the versions it scored with are no longer the grid's.
    /// </summary>
    public Task RequestAsync(NpgsqlTransaction transaction, string gridId, DateTime requestedAt, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cotation_rescorings (grid_id, requested_at, after_number) VALUES (@gridId, @requestedAt, NULL)
            ON CONFLICT (grid_id) DO UPDATE SET requested_at = excluded.requested_at, after_number = NULL
            """,
            new { gridId, requestedAt },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>The grids whose territory waits for (the rest of) a rescoring.</summary>
    public async Task<IReadOnlyList<string>> ListPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT grid_id FROM cotation_rescorings ORDER BY requested_at, grid_id", cancellationToken: cancellationToken))).AsList();

    /// <summary>Whether a rescoring of <paramref name="gridId"/> is pending.</summary>
    public Task<bool> IsPendingAsync(NpgsqlConnection connection, string gridId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM cotation_rescorings WHERE grid_id = @gridId)", new { gridId }, cancellationToken: cancellationToken));

    /// <summary>
    /// The rescoring of <paramref name="gridId"/>, its row locked until the transaction ends: a publication
    /// of the grid waits for the page being written, so a page never mixes two requests. Null when done.
    /// </summary>
    public Task<RescoringRow?> LockAsync(NpgsqlTransaction transaction, string gridId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<RescoringRow?>(new CommandDefinition(
            "SELECT grid_id, requested_at, after_number FROM cotation_rescorings WHERE grid_id = @gridId FOR UPDATE",
            new { gridId },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Moves the cursor past the page just rescored, in the page's transaction.</summary>
    public Task AdvanceAsync(NpgsqlTransaction transaction, string gridId, string afterNumber, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE cotation_rescorings SET after_number = @afterNumber WHERE grid_id = @gridId",
            new { gridId, afterNumber },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Ends the rescoring of <paramref name="gridId"/>.</summary>
    public Task CompleteAsync(NpgsqlTransaction transaction, string gridId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM cotation_rescorings WHERE grid_id = @gridId", new { gridId }, transaction, cancellationToken: cancellationToken));
}
