namespace Interop.NationalExchange.Import;

/// <summary>The counts of one import as it goes.</summary>
internal sealed class ImportRun
{
    public int Lines { get; set; }

    public int Acknowledged { get; set; }

    public int Rejected { get; set; }

    public int Resolved { get; set; }

    public int RadiatedHere { get; set; }

    public int AlreadyRadiated { get; set; }

    public int DaloDecided { get; set; }

    public int DaloAlreadyDecided { get; set; }

    public List<ImportIssue> Issues { get; } = [];
}
