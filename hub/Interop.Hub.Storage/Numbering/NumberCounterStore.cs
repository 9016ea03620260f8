using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Numbering;

/// <summary>
/// Counters of minted numbers, one row per département, month and desk. The
/// row lock taken by the upsert serialises minting for one desk and month
/// across every hub process; the primary key of <c>applications</c> is the
/// safety net behind it.
/// </summary>
public sealed class NumberCounterStore
{
    /// <summary>Takes the next value of the counter, inside the caller's transaction.</summary>
    public Task<int> NextAsync(
        NpgsqlTransaction transaction, string departement, string month, string desk, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO number_counters AS c (departement, month, desk, last_value)
            VALUES (@departement, @month, @desk, 1)
            ON CONFLICT (departement, month, desk) DO UPDATE SET last_value = c.last_value + 1
            RETURNING last_value
            """;
        return transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            sql, new { departement, month, desk }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Moves the counter past an imported number that has our structure, so it is never minted.</summary>
    public Task AdvancePastAsync(
        NpgsqlTransaction transaction, string departement, string month, string desk, int value, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO number_counters AS c (departement, month, desk, last_value)
            VALUES (@departement, @month, @desk, @value)
            ON CONFLICT (departement, month, desk) DO UPDATE SET last_value = GREATEST(c.last_value, EXCLUDED.last_value)
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, new { departement, month, desk, value }, transaction, cancellationToken: cancellationToken));
    }
}
