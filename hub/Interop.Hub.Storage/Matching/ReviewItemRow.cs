namespace Interop.Hub.Storage.Matching;

/// <summary>A row of <c>review_items</c>.</summary>
public sealed class ReviewItemRow
{
    public long ReviewItemId { get; init; }
    public string ApplicationNumber { get; init; } = "";
    public string CandidateNumber { get; init; } = "";
    public string Departement { get; init; } = "";
    public double Score { get; init; }
    public string Fields { get; init; } = "[]";
    public string Explanation { get; init; } = "";
    public string State { get; init; } = "open";
    public string? DecidedBy { get; init; }
    public string? Survivor { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? DecidedAt { get; init; }
}
