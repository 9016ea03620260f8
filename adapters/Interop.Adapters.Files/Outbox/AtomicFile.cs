using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Files.Outbox;

/// <summary>
/// Writes a file so that a reader never sees it half-written: into a temporary file of the same
/// folder's <c>.tmp</c> subfolder (same file system, so the rename is atomic), flushed to disk,
/// then renamed to its name. The file is its user's only (0600): it carries applicants' personal data. A crash leaves at most a stray temporary file, which readers of the
/// folder never list (they look for <c>*.csv</c> in the folder itself).
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporaryFolder = Directory.CreateDirectory(Path.Combine(folder, ".tmp")).FullName;
        var temporary = Path.Combine(temporaryFolder, Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = PrivateFile.Create(temporary, FileOptions.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
