using System.Text.Json;
using Interop.NationalExchange.Daily;

namespace Interop.Cli.Exchange;

/// <summary>An exchange run's report as a few readable lines, or as JSON (camelCase, like the report files).</summary>
internal static class ExchangeText
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Summary(TextWriter output, ExchangeRunReport report)
    {
        foreach (var import in report.Imports)
        {
            output.WriteLine(import.AlreadyImported
                ? $"import {import.FileName}: already imported, nothing applied"
                : $"import {import.FileName}: {import.Acknowledged} acknowledged, {import.Rejected} rejected, {import.Resolved} rejections resolved, " +
                  $"{import.RadiatedHere} radiated here, {import.DaloDecisionsApplied} DALO decisions applied, {import.Issues.Count} not applied");
            foreach (var issue in import.Issues)
            {
                output.WriteLine($"  line {issue.Position} {issue.Kind} {issue.Number}: {issue.Reason}");
            }

            if (import.ExportFileRefused is { } refused)
            {
                output.WriteLine($"  the national registry refused {import.ExportFile} whole: {refused}");
            }
        }

        if (report.Export is { } export)
        {
            output.WriteLine($"export {export.FileName}: {export.Demandes} demandes ({string.Join(", ", export.DemandesByType.Select(t => $"{t.Key} {t.Value}"))}), " +
                $"{export.Skipped.Count} changes left out{(export.Replayed ? ", replayed" : "")}");
        }

        var r = report.Reconciliation;
        output.WriteLine($"reconciliation: {r.HubOnly} hub only, {r.NationalOnly} national only, {r.StatusMismatches} status mismatches, {r.RejectedOpen} rejections open ({r.CsvPath})");
    }
}
