namespace Interop.NationalExchange.Reconciliation;

/// <summary>The counts of one reconciliation, and where its CSV and summary were written.</summary>
public sealed record ReconciliationReport
{
    /// <summary>The day of the report.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Applications the hub holds that the national registry never acknowledged.</summary>
    public required int HubOnly { get; init; }

    /// <summary>Numbers the national registry holds that the hub does not.</summary>
    public required int NationalOnly { get; init; }

    /// <summary>Numbers both hold with different statuses.</summary>
    public required int StatusMismatches { get; init; }

    /// <summary>Rejected lines still open.</summary>
    public required int RejectedOpen { get; init; }

    /// <summary>The CSV of every line (<c>category,number,hub_status,national_status,detail</c>).</summary>
    public required string CsvPath { get; init; }

    /// <summary>The readable summary.</summary>
    public required string SummaryPath { get; init; }
}
