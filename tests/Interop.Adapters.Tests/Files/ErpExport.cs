namespace Interop.Adapters.Tests.Files;

/// <summary>How an ERP must drop an export into the Files adapter's inbox (adapters/README.md): whole.</summary>
public static class ErpExport
{
    /// <summary>
    /// Writes <paramref name="text"/> beside the inbox under a name the adapter does not read, then renames
    /// it into <c>inbox/</c>: the adapter never sees it half-written (written in place, a busy machine let it
    /// read an empty header).
    /// </summary>
    public static void Drop(string adapterFolder, string fileName, string text)
    {
        var staging = Path.Combine(adapterFolder, fileName + ".part");
        File.WriteAllText(staging, text);
        File.Move(staging, Path.Combine(adapterFolder, "inbox", fileName));
    }
}
