using System.Globalization;
using System.Text;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Files;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Mapping;
using Interop.NationalExchange.State;

namespace Interop.NationalExchange.Reconciliation;

/// <summary>
/// Compares the hub with what the national registry told us it holds (the ledger
/// the imports keep): numbers known on one side only, status mismatches, and
/// rejected lines still open. Writes <c>reports/reconciliation-&lt;yyyyMMdd&gt;.csv</c>
/// and <c>.txt</c> in the exchange folder. Erased applications are left out on
/// both sides: the national registry applies its own retention.
/// </summary>
public sealed class Reconciler(InteropClient client, string directory)
{
    private const int SummaryLinesPerCategory = 20;

    /// <summary>Reconciles and writes the report for <paramref name="date"/>.</summary>
    /// <param name="date">The report's day (its file names).</param>
    /// <param name="cancellationToken">Stops the run; no report is written then.</param>
    public async Task<ReconciliationReport> RunAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var ledger = NationalLedger.Load(directory);
        var lines = new List<ReconciliationLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var token = "";
        do
        {
            var page = await client.Registry.ListApplicationsAsync(
                new ListApplicationsRequest { PageSize = 500, PageToken = token }, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var application in page.Applications)
            {
                if (application.Status == ApplicationStatus.Erased)
                {
                    continue;
                }

                seen.Add(application.Number);
                var hub = HubStatus(application);
                if (!ledger.Entries.TryGetValue(application.Number, out var entry))
                {
                    lines.Add(new(ReconciliationLine.HubOnly, application.Number, hub, "", "never acknowledged by the national registry (not exported yet, rejected, or created elsewhere)"));
                }
                else if (NationalStatus(entry) != hub)
                {
                    lines.Add(new(ReconciliationLine.StatusMismatch, application.Number, hub, NationalStatus(entry),
                        string.Create(CultureInfo.InvariantCulture, $"hub at revision {application.Revision}, national side last acknowledged revision {entry.Revision}")));
                }
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        foreach (var (number, entry) in ledger.Entries)
        {
            if (!seen.Contains(number))
            {
                lines.Add(new(ReconciliationLine.NationalOnly, number, "", NationalStatus(entry), "held by the national registry, unknown to the hub"));
            }
        }

        var national = new NationalExchangeService.NationalExchangeServiceClient(client.CallInvoker);
        await foreach (var rejection in NationalRejections.ListOpenAsync(national, cancellationToken).ConfigureAwait(false))
        {
            lines.Add(new(ReconciliationLine.RejectedOpen, NationalRejections.NumberOf(rejection.Name), "", "",
                string.Create(CultureInfo.InvariantCulture, $"{rejection.NationalType} of revision {rejection.RejectedRevision} ({rejection.ExportFile} line {rejection.LineNumber}) rejected {rejection.ControlCode}: {rejection.Message}")));
        }

        lines.Sort((a, b) => (string.CompareOrdinal(a.Category, b.Category), string.CompareOrdinal(a.Number, b.Number)) switch
        {
            (0, var byNumber) => byNumber,
            (var byCategory, _) => byCategory,
        });
        return Write(date, lines);
    }

    private ReconciliationReport Write(DateOnly date, List<ReconciliationLine> lines)
    {
        var folder = Path.Combine(directory, "reports");
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"reconciliation-{date:yyyyMMdd}"));
        var report = new ReconciliationReport
        {
            Date = date,
            HubOnly = lines.Count(l => l.Category == ReconciliationLine.HubOnly),
            NationalOnly = lines.Count(l => l.Category == ReconciliationLine.NationalOnly),
            StatusMismatches = lines.Count(l => l.Category == ReconciliationLine.StatusMismatch),
            RejectedOpen = lines.Count(l => l.Category == ReconciliationLine.RejectedOpen),
            CsvPath = stem + ".csv",
            SummaryPath = stem + ".txt",
        };

        using (var csv = new StreamWriter(PrivateFile.Create(report.CsvPath), new UTF8Encoding(false)) { NewLine = "\n" })
        {
            csv.WriteLine("category,number,hub_status,national_status,detail");
            foreach (var line in lines)
            {
                csv.WriteLine(string.Join(',', Csv(line.Category), Csv(line.Number), Csv(line.HubStatus), Csv(line.NationalStatus), Csv(line.Detail)));
            }
        }

        using (var text = new StreamWriter(PrivateFile.Create(report.SummaryPath), new UTF8Encoding(false)) { NewLine = "\n" })
        {
            text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reconciliation with the national registry, {date:yyyy-MM-dd}"));
            text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  held by the hub only:         {report.HubOnly}"));
            text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  held nationally only:         {report.NationalOnly}"));
            text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  status mismatches:            {report.StatusMismatches}"));
            text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rejected lines still open:    {report.RejectedOpen}"));
            foreach (var group in lines.GroupBy(l => l.Category))
            {
                text.WriteLine();
                text.WriteLine(group.Key + ":");
                foreach (var line in group.Take(SummaryLinesPerCategory))
                {
                    text.WriteLine($"  {line.Number}  hub {Or(line.HubStatus)}  national {Or(line.NationalStatus)}  {line.Detail}");
                }

                if (group.Count() > SummaryLinesPerCategory)
                {
                    text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {group.Count() - SummaryLinesPerCategory} more in the CSV"));
                }
            }
        }

        return report;
    }

    /// <summary>ACT, RAD/&lt;motif&gt; or SUP, as the return files spell the national status.</summary>
    internal static string HubStatus(Application application) => application.Status switch
    {
        ApplicationStatus.Active => "ACT",
        ApplicationStatus.Radiated => "RAD/" + (application.Radiation is { } r ? SneCodes.Of(r.Reason) : ""),
        ApplicationStatus.Merged => "SUP",
        _ => application.Status.ToString().ToUpperInvariant(),
    };

    private static string NationalStatus(NationalEntry entry) => entry.Statut == "RAD" ? "RAD/" + entry.Motif : entry.Statut;

    private static string Or(string status) => status.Length == 0 ? "-" : status;

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
