using System.Text.Json;
using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Simulator.Erp;

/// <summary>
/// The ERP's dossiers and journal in one JSON file, rewritten whole through a temporary file,
/// flushed, then renamed: a crash leaves the old or the new state, never a half-written one.
/// A simulation holds a few thousand dossiers, so a whole rewrite per change is cheap, and a file
/// keeps the simulator free of any server while still surviving a restart (the adapter's state
/// file refers to its journal's sequences).
/// </summary>
internal static class ErpStorage
{
    public static ErpSnapshot? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ErpSnapshot>(File.ReadAllBytes(path)) : null;

    public static void Save(string path, ErpSnapshot snapshot)
    {
        var temporary = path + ".tmp";
        using (var stream = PrivateFile.Create(temporary, FileOptions.None))
        {
            JsonSerializer.Serialize(stream, snapshot);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
