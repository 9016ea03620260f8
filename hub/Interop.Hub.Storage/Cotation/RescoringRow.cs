namespace Interop.Hub.Storage.Cotation;

/// <summary>A row of <c>cotation_rescorings</c> (migration 0016): a territory rescoring not finished yet.</summary>
public sealed class RescoringRow
{
    public string GridId { get; init; } = "";

    /// <summary>When the publication (or rebuild) asked for it: a newer request replaces the row and restarts it.</summary>
    public DateTime RequestedAt { get; init; }

    /// <summary>The last application number rescored, in <c>applications.number</c> order; null before the first page.</summary>
    public string? AfterNumber { get; init; }
}
