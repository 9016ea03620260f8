namespace Interop.NationalExchange.State;

/// <summary>One published run, as the state file records it.</summary>
internal sealed record ExportRunRecord
{
    public required DateOnly Date { get; init; }

    public required int Sequence { get; init; }

    public required string FileName { get; init; }

    /// <summary>The last change_seq of the previous run (exclusive start of the range).</summary>
    public required long AfterChangeSeq { get; init; }

    /// <summary>The last change_seq the file covers (inclusive): the head when the run caught up.</summary>
    public required long ThroughChangeSeq { get; init; }

    public required int Demandes { get; init; }

    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>True once the hub stored the position <see cref="ThroughChangeSeq"/>.</summary>
    public bool Acknowledged { get; init; }
}
