namespace Interop.Hub.Storage.Changes;

/// <summary>The kinds of change written to the event log; stable strings, the feed exposes them.</summary>
public static class ChangeKind
{
    public const string Registered = "registered";
    public const string Imported = "imported";
    public const string Updated = "updated";
    public const string Renewed = "renewed";
    public const string Radiated = "radiated";
    public const string Reactivated = "reactivated";
    public const string Erased = "erased";
}
