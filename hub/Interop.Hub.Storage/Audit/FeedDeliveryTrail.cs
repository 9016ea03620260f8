using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Audit;

/// <summary>
/// The change feed's reads in the audit trail, one row per reader and batch
/// (<c>feed_delivery_audits</c>, migration 0018): a reader is an organisation,
/// key, method and peer address; its row lists every application the batch
/// showed it. <see cref="AuditTrail.ListAsync"/> lists these rows' reads with
/// the others, in one order.
/// </summary>
/// <remarks>
/// Fifty streams of one key on one connection reading one change are one
/// fact here, as they are to an auditor (who read which application, when, by
/// which method, from where), where audit_records took fifty rows, each with
/// three index entries: at 50 subscribers that was 24 KB of WAL per change.
/// </remarks>
public sealed class FeedDeliveryTrail
{
    /// <summary>Appends the reads <paramref name="entries"/>, grouped by reader, on its own (committed before the data leave the hub).</summary>
    public Task<int> AppendAsync(NpgsqlConnection connection, IReadOnlyList<AuditEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return Task.FromResult(0);
        }

        var readers = new Dictionary<(string Organization, string? Key, string Method, string Peer), SortedSet<string>>();
        foreach (var entry in entries)
        {
            var reader = (entry.OrganizationId, entry.KeyId, entry.Method, entry.Peer);
            if (!readers.TryGetValue(reader, out var numbers))
            {
                readers[reader] = numbers = new SortedSet<string>(StringComparer.Ordinal);
            }

            numbers.Add(entry.ApplicationNumber);
        }

        // Flat arrays (a reader's index beside each number): PostgreSQL takes no ragged arrays.
        var groups = new List<int>(entries.Count);
        var numbersFlat = new List<string>(entries.Count);
        var index = 0;
        foreach (var numbers in readers.Values)
        {
            index++;
            foreach (var number in numbers)
            {
                groups.Add(index);
                numbersFlat.Add(number);
            }
        }

        const string sql = """
            INSERT INTO feed_delivery_audits (access_time, organization_id, key_id, method, peer, application_numbers)
            SELECT @now, r.organization_id, r.key_id, r.method, r.peer, n.numbers
            FROM unnest(@organizations, @keys, @methods, @peers) WITH ORDINALITY AS r (organization_id, key_id, method, peer, reader)
            JOIN (
                SELECT reader, array_agg(number ORDER BY number) AS numbers
                FROM unnest(@groups, @numbers) AS x (reader, number)
                GROUP BY reader
            ) n ON n.reader = r.reader
            """;
        return connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                now = now.UtcDateTime,
                organizations = readers.Keys.Select(r => r.Organization).ToArray(),
                keys = readers.Keys.Select(r => r.Key).ToArray(),
                methods = readers.Keys.Select(r => r.Method).ToArray(),
                peers = readers.Keys.Select(r => r.Peer).ToArray(),
                groups = groups.Select(g => (long)g).ToArray(),
                numbers = numbersFlat.ToArray(),
            },
            cancellationToken: cancellationToken));
    }
}
