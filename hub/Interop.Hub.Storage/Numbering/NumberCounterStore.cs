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

    /// <summary>
    /// Takes <c>Count</c> consecutive values of each counter at once (a batch of registrations), inside the
    /// caller's transaction; returns each counter's last value taken, so the batch numbers
    /// <c>last - Count + 1 … last</c>, with no gap, as many single takes would. Counters are taken in
    /// sorted order, so two batches sharing desks queue instead of deadlocking.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Departement, string Month, string Desk), int>> TakeManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<(string Departement, string Month, string Desk, int Count)> takes,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO number_counters AS c (departement, month, desk, last_value)
            SELECT t.departement, t.month, t.desk, t.count
            FROM unnest(@departements, @months, @desks, @counts) AS t (departement, month, desk, count)
            ORDER BY t.departement, t.month, t.desk
            ON CONFLICT (departement, month, desk) DO UPDATE SET last_value = c.last_value + EXCLUDED.last_value
            RETURNING departement, month, desk, last_value
            """;
        var rows = await transaction.Connection!.QueryAsync<(string Departement, string Month, string Desk, int LastValue)>(new CommandDefinition(
            sql,
            new
            {
                departements = takes.Select(t => t.Departement).ToArray(),
                months = takes.Select(t => t.Month).ToArray(),
                desks = takes.Select(t => t.Desk).ToArray(),
                counts = takes.Select(t => t.Count).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.Departement, r.Month, r.Desk), r => r.LastValue);
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
