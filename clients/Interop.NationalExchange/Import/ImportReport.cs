namespace Interop.NationalExchange.Import;

/// <summary>What one import of a return file did.</summary>
public sealed record ImportReport
{
    /// <summary>The return file's name.</summary>
    public required string FileName { get; init; }

    /// <summary>The return file's identity (<c>yyyy-MM-dd/numero</c>).</summary>
    public required string Identity { get; init; }

    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The export file it answers, if any.</summary>
    public string? ExportFile { get; init; }

    /// <summary>True when this very file was already imported: nothing was applied again.</summary>
    public bool AlreadyImported { get; init; }

    /// <summary>When the national side refused the whole export file: its control and message (the file must be sent again).</summary>
    public string? ExportFileRefused { get; init; }

    /// <summary>Lines acknowledged.</summary>
    public int Acknowledged { get; init; }

    /// <summary>Rejected lines recorded against their application.</summary>
    public int Rejected { get; init; }

    /// <summary>Open rejections resolved by an acknowledgement of a later revision.</summary>
    public int Resolved { get; init; }

    /// <summary>Radiations decided elsewhere, applied here (one change each on the feed).</summary>
    public int RadiatedHere { get; init; }

    /// <summary>Radiations decided elsewhere that were already applied (a rerun) or the application was already radiated for the same reason.</summary>
    public int RadiationsAlreadyApplied { get; init; }

    /// <summary>DALO decisions applied here (one change each on the feed: the household's <c>priority.dalo_status</c>).</summary>
    public int DaloDecisionsApplied { get; init; }

    /// <summary>DALO decisions the hub already held (a rerun, or the same decision reported again): nothing changed.</summary>
    public int DaloDecisionsAlreadyApplied { get; init; }

    /// <summary>Lines that could not be applied as they say.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];
}
