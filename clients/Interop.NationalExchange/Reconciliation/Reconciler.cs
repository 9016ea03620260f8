using System.Globalization;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Mapping;
using Interop.NationalExchange.State;
using Microsoft.Data.Sqlite;

namespace Interop.NationalExchange.Reconciliation;

/// <summary>
/// Compares the hub with what the national registry told us it holds (the ledger
/// the imports keep): numbers known on one side only, status mismatches, and
/// rejected lines still open. Writes <c>reports/reconciliation-&lt;yyyyMMdd&gt;.csv</c>
/// and <c>.txt</c> in the exchange folder. Erased applications are left out on
/// both sides: the national registry applies its own retention.
/// <para>
/// In bounded memory: the hub's applications are streamed page by page into a
/// temporary table beside the ledger (SQLite, spilled to a temporary file past its
/// small page cache), the categories are joins read in number order and written to
/// the CSV as they come; only the counts and the summary's first lines stay in memory.
/// A join on the client's side rather than a new call of the hub: the ledger is the
/// job's own knowledge, the hub need not hold it.
/// </para>
/// </summary>
public sealed class Reconciler(InteropClient client, string directory)
{
    private const int PageSize = 500;

    private const string HubTable = "CREATE TEMP TABLE hub (number TEXT PRIMARY KEY, status TEXT NOT NULL, revision INTEGER NOT NULL) WITHOUT ROWID";

    private const string NationalStatusSql = "CASE WHEN l.statut = 'RAD' THEN 'RAD/' || COALESCE(l.motif, '') ELSE l.statut END";

    private const string HubOnlySql = "SELECT h.number, h.status FROM hub h LEFT JOIN ledger l ON l.number = h.number WHERE l.number IS NULL ORDER BY h.number";

    private const string NationalOnlySql = $"SELECT l.number, {NationalStatusSql} FROM ledger l LEFT JOIN hub h ON h.number = l.number WHERE h.number IS NULL ORDER BY l.number";

    private const string MismatchSql = $"""
        SELECT h.number, h.status, {NationalStatusSql}, h.revision, l.revision
        FROM hub h JOIN ledger l ON l.number = h.number
        WHERE h.status <> {NationalStatusSql}
        ORDER BY h.number
        """;

    /// <summary>Reconciles and writes the report for <paramref name="date"/>.</summary>
    /// <param name="date">The report's day (its file names).</param>
    /// <param name="cancellationToken">Stops the run; no report is written then.</param>
    public async Task<ReconciliationReport> RunAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        using var ledger = NationalLedger.Open(directory);
        using (var create = ledger.Command(HubTable))
        {
            create.ExecuteNonQuery();
        }

        await LoadHubAsync(ledger, cancellationToken).ConfigureAwait(false);
        using var writer = new ReconciliationWriter(directory, date);
        foreach (var row in Query(ledger, HubOnlySql))
        {
            writer.Write(new(ReconciliationLine.HubOnly, row.GetString(0), row.GetString(1), "", "never acknowledged by the national registry (not exported yet, rejected, or created elsewhere)"));
        }

        foreach (var row in Query(ledger, NationalOnlySql))
        {
            writer.Write(new(ReconciliationLine.NationalOnly, row.GetString(0), "", row.GetString(1), "held by the national registry, unknown to the hub"));
        }

        // Ordered by application number by the hub already.
        var national = new NationalExchangeService.NationalExchangeServiceClient(client.CallInvoker);
        await foreach (var rejection in NationalRejections.ListOpenAsync(national, cancellationToken).ConfigureAwait(false))
        {
            writer.Write(new(ReconciliationLine.RejectedOpen, NationalRejections.NumberOf(rejection.Name), "", "",
                string.Create(CultureInfo.InvariantCulture, $"{rejection.NationalType} of revision {rejection.RejectedRevision} ({rejection.ExportFile} line {rejection.LineNumber}) rejected {rejection.ControlCode}: {rejection.Message}")));
        }

        foreach (var row in Query(ledger, MismatchSql))
        {
            writer.Write(new(ReconciliationLine.StatusMismatch, row.GetString(0), row.GetString(1), row.GetString(2),
                string.Create(CultureInfo.InvariantCulture, $"hub at revision {row.GetInt64(3)}, national side last acknowledged revision {row.GetInt64(4)}")));
        }

        return writer.Complete();
    }

    /// <summary>ACT, RAD/&lt;motif&gt; or SUP, as the return files spell the national status.</summary>
    internal static string HubStatus(Application application) => application.Status switch
    {
        ApplicationStatus.Active => "ACT",
        ApplicationStatus.Radiated => "RAD/" + (application.Radiation is { } r ? SneCodes.Of(r.Reason) : ""),
        ApplicationStatus.Merged => "SUP",
        _ => application.Status.ToString().ToUpperInvariant(),
    };

    /// <summary>Every page of the hub's applications into the temporary table, one page in memory at a time.</summary>
    private async Task LoadHubAsync(NationalLedger ledger, CancellationToken cancellationToken)
    {
        using var insert = ledger.Command("INSERT OR REPLACE INTO hub (number, status, revision) VALUES ($number, $status, $revision)");
        var number = insert.Parameters.Add("$number", SqliteType.Text);
        var status = insert.Parameters.Add("$status", SqliteType.Text);
        var revision = insert.Parameters.Add("$revision", SqliteType.Integer);
        var token = "";
        do
        {
            var page = await client.Registry.ListApplicationsAsync(
                new ListApplicationsRequest { PageSize = PageSize, PageToken = token }, cancellationToken: cancellationToken).ConfigureAwait(false);
            using (var transaction = ledger.Connection.BeginTransaction())
            {
                insert.Transaction = transaction;
                foreach (var application in page.Applications)
                {
                    if (application.Status == ApplicationStatus.Erased)
                    {
                        continue;
                    }

                    number.Value = application.Number;
                    status.Value = HubStatus(application);
                    revision.Value = application.Revision;
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
    }

    private static IEnumerable<SqliteDataReader> Query(NationalLedger ledger, string sql)
    {
        using var command = ledger.Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader;
        }
    }
}
