using Interop.NationalExchange.Export;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Reconciliation;

namespace Interop.NationalExchange.Daily;

/// <summary>What a daily run did: the return files imported, the export, the reconciliation.</summary>
public sealed record ExchangeRunReport
{
    /// <summary>The run's day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Each return file of the inbox imported by this run (already imported ones are not listed).</summary>
    public required IReadOnlyList<ImportReport> Imports { get; init; }

    /// <summary>The export of the day; null for a run that only imported (<c>exchange import</c>).</summary>
    public ExportRunReport? Export { get; init; }

    /// <summary>The reconciliation written after the run.</summary>
    public required ReconciliationReport Reconciliation { get; init; }

    /// <summary>True when something needs an operator: a change that could not be expressed, an import line not applied, a refused export file.</summary>
    public bool NeedsAttention =>
        Export?.Skipped.Any(s => s.Category == ExportSkip.NotExpressible) == true
        || Imports.Any(i => i.Issues.Count > 0 || i.ExportFileRefused is not null);
}
