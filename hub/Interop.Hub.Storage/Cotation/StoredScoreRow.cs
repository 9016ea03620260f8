namespace Interop.Hub.Storage.Cotation;

/// <summary>A row of <c>cotation_scores</c> (migration 0014): one application's stored score with one grid.</summary>
public sealed class StoredScoreRow
{
    public string GridId { get; init; } = "";
    public string ApplicationNumber { get; init; } = "";
    public long ApplicationRevision { get; init; }
    public int GridVersion { get; init; }
    public DateOnly ScoredOn { get; init; }
    public DateOnly? FreshUntil { get; init; }
    public decimal Total { get; init; }
    public DateOnly FiledDate { get; init; }
    public string[] Typologies { get; init; } = [];

    /// <summary>JSON: <c>[{"rubricId", "points"}]</c>.</summary>
    public string Rubrics { get; init; } = "[]";

    /// <summary>JSON: <c>[{"rubricId", "criterionId", "status", "points", "text"}]</c>.</summary>
    public string Lines { get; init; } = "[]";

    public DateTime ComputedAt { get; init; }
}
