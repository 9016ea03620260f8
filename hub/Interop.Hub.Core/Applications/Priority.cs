namespace Interop.Hub.Core.Applications;

public sealed record Priority
{
    public DaloStatus DaloStatus { get; init; }

    public bool PriorityPublic { get; init; }
}
