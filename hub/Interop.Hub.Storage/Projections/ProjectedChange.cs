namespace Interop.Hub.Storage.Projections;

/// <summary>A sequenced change as a projection reads it: what happened to which application, and its details.</summary>
public sealed class ProjectedChange
{
    public long ChangeSeq { get; init; }
    public Guid ChangeId { get; init; }
    public string ApplicationNumber { get; init; } = "";
    public long Revision { get; init; }
    public string Kind { get; init; } = "";
    public string Actor { get; init; } = "";
    public DateTime OccurredAt { get; init; }
    public string Departement { get; init; } = "";
    public string[] WishedCommunes { get; init; } = [];

    /// <summary>The change's <c>details</c> column as JSON text (the radiation reason, the merge target…).</summary>
    public string Details { get; init; } = "{}";
}
