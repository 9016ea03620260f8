using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Storage.Matching;
using Npgsql;
using NpgsqlTypes;

namespace Interop.Benchmarks;

/// <summary>
/// Fills a migrated database with synthetic active applications of the Calvados by binary COPY:
/// the rows of <c>applications</c> (household jsonb as the hub writes it), their hashed blocking
/// keys in <c>identity_keys</c> and the name counts of the stock. The keys are computed by the
/// matching core in parallel with the COPY of the previous batch. The constraints and indexes of
/// <c>identity_keys</c> are dropped for the load and built again after it (random hashes would
/// otherwise make every row a random B-tree insert), then the tables are vacuumed and analysed.
/// </summary>
internal static class StockLoader
{
    private const int BatchSize = 20_000;

    // As the hub's HouseholdJson writes it.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Matcher Plain = new();

    private sealed record Row(string Number, string Desk, DateOnly Filed, string Household, byte[][] Hashes, string[] Surnames, string? FirstName);

    /// <summary>Application number of stock index <paramref name="index"/>.</summary>
    public static (string Number, string Desk, DateOnly Filed) NumberOf(long index)
    {
        var month = new DateOnly(2020, 1, 1).AddMonths((int)(index % 80));
        var desk = "B" + ((index / 80 % 40) + 1).ToString("0000", CultureInfo.InvariantCulture);
        var counter = (int)(index / 3200) + 1;
        return (ApplicationNumber.Mint("14", month, desk, counter), desk, month.AddDays((int)(index % 28)));
    }

    /// <summary>Loads applications 0… until <paramref name="count"/> or until <paramref name="budget"/> is spent; returns how many.</summary>
    public static async Task<long> LoadAsync(string connectionString, long count, TimeSpan budget, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var dropped = await DropKeyIndexesAsync(connection, cancellationToken);

        var clock = Stopwatch.StartNew();
        var surnames = new Dictionary<string, long>();
        var firstNames = new Dictionary<string, long>();
        long loaded = 0, keys = 0;
        var copying = TimeSpan.Zero;
        var next = Task.Run(() => Compute(0, (int)Math.Min(BatchSize, count)), cancellationToken);
        while (true)
        {
            var batch = await next;
            var start = loaded + batch.Length;
            var more = start < count && clock.Elapsed < budget;
            if (more)
            {
                var size = (int)Math.Min(BatchSize, count - start);
                next = Task.Run(() => Compute(start, size), cancellationToken);
            }

            var copyStarted = Stopwatch.GetTimestamp();
            keys += await CopyAsync(connection, batch, cancellationToken);
            copying += Stopwatch.GetElapsedTime(copyStarted);
            foreach (var row in batch)
            {
                foreach (var surname in row.Surnames)
                {
                    surnames[surname] = surnames.GetValueOrDefault(surname) + 1;
                }

                if (row.FirstName is { } first)
                {
                    firstNames[first] = firstNames.GetValueOrDefault(first) + 1;
                }
            }

            loaded += batch.Length;
            if (loaded % 200_000 < BatchSize || !more)
            {
                Console.WriteLine(
                    $"  loaded {loaded,9:N0} applications, {keys,11:N0} keys in {clock.Elapsed.TotalSeconds,6:F0} s ({loaded / clock.Elapsed.TotalSeconds:N0} applications/s; COPY busy {copying.TotalSeconds:F0} s)");
            }

            if (!more)
            {
                break;
            }
        }

        await CopyNameCountsAsync(connection, surnames, firstNames, cancellationToken);
        var copied = clock.Elapsed;
        Console.WriteLine($"  COPY done in {copied.TotalSeconds:F0} s; building the identity_keys indexes and constraints again…");
        foreach (var definition in dropped)
        {
            await ExecuteAsync(connection, definition, cancellationToken, TimeSpan.FromMinutes(30));
        }

        var indexed = clock.Elapsed;
        Console.WriteLine($"  indexes in {(indexed - copied).TotalSeconds:F0} s; VACUUM ANALYZE…");
        await ExecuteAsync(connection, "VACUUM (ANALYZE) applications, identity_keys, name_counts", cancellationToken, TimeSpan.FromMinutes(30));
        Console.WriteLine(
            $"  load: {loaded:N0} applications and {keys:N0} keys in {clock.Elapsed.TotalSeconds:F0} s " +
            $"(COPY {copied.TotalSeconds:F0} s, indexes {(indexed - copied).TotalSeconds:F0} s, vacuum+analyse {(clock.Elapsed - indexed).TotalSeconds:F0} s; " +
            $"{loaded / clock.Elapsed.TotalSeconds:N0} applications/s overall)");
        return loaded;
    }

    private static Row[] Compute(long start, int size)
    {
        var rows = new Row[size];
        Parallel.For(0, size, i =>
        {
            var index = start + i;
            var (number, desk, filed) = NumberOf(index);
            var applicant = SyntheticApplicants.At(index);
            var household = new Household
            {
                Applicant = applicant.ToPerson(),
                CoApplicant = applicant.CoApplicant?.ToPerson(),
                CoApplicantLink = applicant.CoApplicant is null ? CoApplicantLink.Unspecified : CoApplicantLink.Spouse,
                Wishes = new Wishes { CommuneCodes = ["14118"] },
            };
            var prepared = Plain.Prepare(applicant.ToIdentity(number));
            var hashes = Matcher.BlockingKeys(prepared).Distinct().Select(IdentityIndex.Hash).ToArray();
            rows[i] = new Row(
                number, desk, filed, JsonSerializer.Serialize(household, Json), hashes,
                [.. prepared.Normalized.Surnames.Select(s => s.Core)], prepared.Normalized.FirstNames?.Primary);
        });
        return rows;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, Row[] rows, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY applications (number, departement, registering_desk, origin, status, revision, filed_date, expiry_date, household, wished_communes, created_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var row in rows)
            {
                var created = row.Filed.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Number, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync("14", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Desk, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync("imported", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync("active", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(row.Filed, NpgsqlDbType.Date, cancellationToken);
                // Every application still valid: no renewal job has anything to do during the run.
                await writer.WriteAsync(new DateOnly(2027, 6, 1).AddDays(row.Filed.DayNumber % 365), NpgsqlDbType.Date, cancellationToken);
                await writer.WriteAsync(row.Household, NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(new[] { "14118" }, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        long keys = 0;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY identity_keys (key_hash, number) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                foreach (var hash in row.Hashes)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(hash, NpgsqlDbType.Bytea, cancellationToken);
                    await writer.WriteAsync(row.Number, NpgsqlDbType.Text, cancellationToken);
                    keys++;
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return keys;
    }

    private static async Task CopyNameCountsAsync(
        NpgsqlConnection connection, Dictionary<string, long> surnames, Dictionary<string, long> firstNames, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("COPY name_counts (kind, name, count) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (kind, counts) in new[] { ("surname", surnames), ("first_name", firstNames) })
        {
            foreach (var (name, value) in counts)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(kind, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(name, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Drops the constraints and other indexes of identity_keys; returns the statements that make them again, as the migration made them.</summary>
    private static async Task<List<string>> DropKeyIndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var constraints = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'identity_keys'::regclass ORDER BY contype DESC", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                constraints.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            """
            SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'identity_keys'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """, connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in constraints)
        {
            await ExecuteAsync(connection, $"ALTER TABLE identity_keys DROP CONSTRAINT \"{name}\"", cancellationToken);
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", cancellationToken);
        }

        // Primary key first, then the plain indexes, foreign key last (it checks every row).
        return
        [
            .. constraints.Where(c => c.Definition.StartsWith("PRIMARY KEY", StringComparison.Ordinal)).Select(c => $"ALTER TABLE identity_keys ADD CONSTRAINT \"{c.Name}\" {c.Definition}"),
            .. indexes.Select(i => i.Definition),
            .. constraints.Where(c => !c.Definition.StartsWith("PRIMARY KEY", StringComparison.Ordinal)).Select(c => $"ALTER TABLE identity_keys ADD CONSTRAINT \"{c.Name}\" {c.Definition}"),
        ];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)(timeout ?? TimeSpan.FromMinutes(1)).TotalSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
