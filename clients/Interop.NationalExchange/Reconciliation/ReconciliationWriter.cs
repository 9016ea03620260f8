using System.Globalization;
using System.Text;
using Interop.NationalExchange.Files;

namespace Interop.NationalExchange.Reconciliation;

/// <summary>
/// Writes the reconciliation's CSV line by line as the categories are read (in category, then
/// number order), and its readable summary at the end: the counts and the first
/// <see cref="SummaryLinesPerCategory"/> lines of each category, the only part kept in memory.
/// </summary>
internal sealed class ReconciliationWriter : IDisposable
{
    private const int SummaryLinesPerCategory = 20;
    private readonly DateOnly date;
    private readonly string stem;
    private readonly StreamWriter csv;
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly List<ReconciliationLine> firstLines = [];

    public ReconciliationWriter(string directory, DateOnly date)
    {
        this.date = date;
        var folder = Path.Combine(directory, "reports");
        Directory.CreateDirectory(folder);
        stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"reconciliation-{date:yyyyMMdd}"));
        csv = new StreamWriter(PrivateFile.Create(stem + ".csv"), new UTF8Encoding(false)) { NewLine = "\n" };
        csv.WriteLine("category,number,hub_status,national_status,detail");
    }

    public void Write(ReconciliationLine line)
    {
        csv.WriteLine(string.Join(',', Csv(line.Category), Csv(line.Number), Csv(line.HubStatus), Csv(line.NationalStatus), Csv(line.Detail)));
        var count = counts[line.Category] = counts.GetValueOrDefault(line.Category) + 1;
        if (count <= SummaryLinesPerCategory)
        {
            firstLines.Add(line);
        }
    }

    public ReconciliationReport Complete()
    {
        csv.Flush();
        var report = new ReconciliationReport
        {
            Date = date,
            HubOnly = counts.GetValueOrDefault(ReconciliationLine.HubOnly),
            NationalOnly = counts.GetValueOrDefault(ReconciliationLine.NationalOnly),
            StatusMismatches = counts.GetValueOrDefault(ReconciliationLine.StatusMismatch),
            RejectedOpen = counts.GetValueOrDefault(ReconciliationLine.RejectedOpen),
            CsvPath = stem + ".csv",
            SummaryPath = stem + ".txt",
        };

        using var text = new StreamWriter(PrivateFile.Create(report.SummaryPath), new UTF8Encoding(false)) { NewLine = "\n" };
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reconciliation with the national registry, {date:yyyy-MM-dd}"));
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  held by the hub only:         {report.HubOnly}"));
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  held nationally only:         {report.NationalOnly}"));
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  status mismatches:            {report.StatusMismatches}"));
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rejected lines still open:    {report.RejectedOpen}"));
        foreach (var group in firstLines.GroupBy(l => l.Category))
        {
            text.WriteLine();
            text.WriteLine(group.Key + ":");
            foreach (var line in group)
            {
                text.WriteLine($"  {line.Number}  hub {Or(line.HubStatus)}  national {Or(line.NationalStatus)}  {line.Detail}");
            }

            if (counts[group.Key] > SummaryLinesPerCategory)
            {
                text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {counts[group.Key] - SummaryLinesPerCategory} more in the CSV"));
            }
        }

        return report;
    }

    public void Dispose() => csv.Dispose();

    private static string Or(string status) => status.Length == 0 ? "-" : status;

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
