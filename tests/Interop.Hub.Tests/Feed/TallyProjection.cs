using Dapper;
using Interop.Hub.Projections;
using Interop.Hub.Storage.Projections;
using Npgsql;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// A read model for the runner's tests: one row per change it was given, keyed by change_seq, so a
/// change applied twice fails on the key instead of passing unseen.
/// </summary>
internal sealed class TallyProjection : IChangeProjection
{
    private int failuresLeft;

    public string Name => "test-tally";

    /// <summary>The next <paramref name="times"/> pages are written, then refused (as a bug or a lost connection would).</summary>
    public void FailAfterWriting(int times) => Interlocked.Exchange(ref failuresLeft, times);

    public async Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<ProjectedChange> changes, CancellationToken cancellationToken)
    {
        await CreateAsync(transaction, cancellationToken);
        foreach (var change in changes)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                "INSERT INTO test_tally (change_seq, application_number, kind) VALUES (@ChangeSeq, @ApplicationNumber, @Kind)",
                change,
                transaction,
                cancellationToken: cancellationToken));
        }

        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The tally refused this page after writing it.");
        }
    }

    public async Task ResetAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await CreateAsync(transaction, cancellationToken);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("DELETE FROM test_tally", transaction: transaction, cancellationToken: cancellationToken));
    }

    private static Task CreateAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS test_tally (change_seq bigint PRIMARY KEY, application_number text NOT NULL, kind text NOT NULL)",
            transaction: transaction,
            cancellationToken: cancellationToken));
}
