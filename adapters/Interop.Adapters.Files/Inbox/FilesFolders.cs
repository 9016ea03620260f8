namespace Interop.Adapters.Files.Inbox;

/// <summary>
/// The adapter's folders under one root: <c>inbox/</c> (exports dropped by the ERP), <c>done/</c>
/// and <c>failed/</c> (exports handled, each with its <c>.report.txt</c>), <c>outbox/</c> (the hub's
/// changes, one dated file each) and <c>state/</c> (the SDK's state file).
/// </summary>
public sealed record FilesFolders(string Root)
{
    public string Inbox => Path.Combine(Root, "inbox");

    public string Done => Path.Combine(Root, "done");

    public string Failed => Path.Combine(Root, "failed");

    public string Outbox => Path.Combine(Root, "outbox");

    public string State => Path.Combine(Root, "state");

    /// <summary>Creates the folders that do not exist.</summary>
    public FilesFolders Create()
    {
        foreach (var folder in new[] { Inbox, Done, Failed, Outbox, State })
        {
            Directory.CreateDirectory(folder);
        }

        return this;
    }
}
