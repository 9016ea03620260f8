namespace Interop.Hub.Storage.Feed;

/// <summary>A sequenced change as the feed reads it, with who may see it.</summary>
public sealed class FeedChange
{
    public Guid ChangeId { get; init; }
    public long ChangeSeq { get; init; }
    public string Kind { get; init; } = "";
    public string ApplicationNumber { get; init; } = "";
    public long Revision { get; init; }
    public DateTime OccurredAt { get; init; }
    public string Actor { get; init; } = "";
    public string Departement { get; init; } = "";
    public string RegisteringDesk { get; init; } = "";
    public string[] WishedCommunes { get; init; } = [];
}
