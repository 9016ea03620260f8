namespace Interop.NationalExchange.Export;

/// <summary>What one export run did; also written beside the file as <c>&lt;file&gt;.report.json</c>.</summary>
public sealed record ExportRunReport
{
    /// <summary>The day the file is for.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The file's name in <c>outbox/</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>The last change_seq before the range (exclusive).</summary>
    public required long AfterChangeSeq { get; init; }

    /// <summary>The last change_seq of the range (inclusive).</summary>
    public required long ThroughChangeSeq { get; init; }

    /// <summary>The number of <c>demande</c> elements per national type (CRE, MOD, REN, RAD, SUP).</summary>
    public required IReadOnlyDictionary<string, int> DemandesByType { get; init; }

    /// <summary>Every change of the range that is not in the file, with its reason.</summary>
    public required IReadOnlyList<ExportSkip> Skipped { get; init; }

    /// <summary>SHA-256 of the published file, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>True when this run replayed a day already recorded (a rerun of the same <c>--date</c>) rather than taking new changes.</summary>
    public bool Replayed { get; init; }

    /// <summary>
    /// For a replay whose regenerated file differs from the published one (the feed
    /// carries each application's state at delivery, which may have moved on since):
    /// the published file is kept, and this says so. Null otherwise.
    /// </summary>
    public string? ReplayNote { get; init; }

    /// <summary>The total of <see cref="DemandesByType"/>.</summary>
    public int Demandes => DemandesByType.Values.Sum();
}
