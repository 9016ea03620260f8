using Interop.NationalExchange.Files;
using Microsoft.Data.Sqlite;

namespace Interop.NationalExchange.State;

/// <summary>
/// What the national registry has told us it holds (<c>national-ledger.db</c>, SQLite): for each
/// number acknowledged or radiated elsewhere, its national status. The reconciliation compares it
/// with the hub. On disk, not in memory: an initial export of a million applications is a million
/// acknowledgements, and the import and the reconciliation must stay flat (SQLite keeps a page
/// cache of about 2 MB). An import writes its lines in one transaction committed once the whole
/// file is applied, so a crash leaves the ledger as it was before the file.
/// </summary>
internal sealed class NationalLedger : IDisposable
{
    public const string FileName = "national-ledger.db";

    /// <summary>The ledger of earlier versions, a JSON file read whole; taken into the database once.</summary>
    public const string LegacyFileName = "national-ledger.json";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS ledger (
            number   TEXT PRIMARY KEY,
            statut   TEXT NOT NULL,
            motif    TEXT,
            revision INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    // A radiation decided elsewhere comes with revision 0; an acknowledgement of an older revision
    // than the one held (a file imported late) must not undo a later acknowledgement.
    private const string Upsert = """
        INSERT INTO ledger (number, statut, motif, revision) VALUES ($number, $statut, $motif, $revision)
        ON CONFLICT (number) DO UPDATE SET statut = excluded.statut, motif = excluded.motif, revision = excluded.revision
        WHERE NOT (ledger.revision > excluded.revision AND excluded.revision > 0)
        """;

    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;
    private SqliteCommand? upsert;

    private NationalLedger(SqliteConnection connection) => this.connection = connection;

    /// <summary>The open connection, for the reconciliation's own temporary tables and queries.</summary>
    public SqliteConnection Connection => connection;

    /// <summary>Opens (or creates) the ledger of an exchange folder.</summary>
    public static NationalLedger Open(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var created = !File.Exists(path);
        if (created)
        {
            // Owner-only like the other state files (PrivateFile), before SQLite writes anything in it.
            PrivateFile.Create(path).Dispose();
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var ledger = new NationalLedger(connection);
        ledger.Execute(Schema + "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = FILE;");
        ledger.TakeLegacyFile(directory);
        return ledger;
    }

    /// <summary>Starts the import's transaction: nothing recorded is seen on disk before <see cref="Commit"/>.</summary>
    public void Begin() => transaction = connection.BeginTransaction();

    /// <summary>Records a status, unless the ledger already holds a later revision of the number.</summary>
    public void Record(string number, NationalEntry entry)
    {
        upsert ??= Command(Upsert);
        upsert.Transaction = transaction;
        upsert.Parameters.Clear();
        upsert.Parameters.AddWithValue("$number", number);
        upsert.Parameters.AddWithValue("$statut", entry.Statut);
        upsert.Parameters.AddWithValue("$motif", (object?)entry.Motif ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$revision", entry.Revision);
        upsert.ExecuteNonQuery();
    }

    /// <summary>Makes the import's records durable.</summary>
    public void Commit()
    {
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
    }

    /// <summary>The entry of a number, if the national side told us of it.</summary>
    public NationalEntry? Find(string number)
    {
        using var command = Command("SELECT statut, motif, revision FROM ledger WHERE number = $number");
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$number", number);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new NationalEntry(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)) : null;
    }

    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // An import that did not reach Commit (a failure, a stop) leaves the ledger as it was.
        transaction?.Dispose();
        upsert?.Dispose();
        connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private void TakeLegacyFile(string directory)
    {
        var legacyPath = Path.Combine(directory, LegacyFileName);
        if (DurableJson.Load<LegacyLedger>(legacyPath) is not { } legacy)
        {
            return;
        }

        Begin();
        foreach (var (number, entry) in legacy.Entries)
        {
            Record(number, entry);
        }

        Commit();
        File.Delete(legacyPath);
    }

    /// <summary>The JSON ledger of earlier versions.</summary>
    private sealed class LegacyLedger
    {
        public Dictionary<string, NationalEntry> Entries { get; init; } = new(StringComparer.Ordinal);
    }
}
