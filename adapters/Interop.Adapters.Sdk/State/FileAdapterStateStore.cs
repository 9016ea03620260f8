using System.Text.Json;

namespace Interop.Adapters.Sdk.State;

/// <summary>
/// The state in one local JSON file, rewritten whole after every change through a temporary file,
/// flushed to disk, then renamed over the old one: a crash leaves either the old state or the new,
/// never a half-written file. One adapter process per file.
/// </summary>
/// <remarks>
/// Chosen over SQLite or PostgreSQL for this first version: no extra dependency or server on the
/// landlord's side, and an adapter's state is small (a link per application). The cost is a rewrite
/// per change, fine up to some tens of thousands of links; a bulk onboarding will want a store with
/// row-level writes behind the same <see cref="IAdapterStateStore"/>.
/// </remarks>
public sealed class FileAdapterStateStore : AdapterStateStoreBase
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly string path;

    private FileAdapterStateStore(string path, AdapterStateData data)
        : base(data)
    {
        this.path = path;
    }

    /// <summary>Opens the state at <paramref name="path"/>, or starts an empty one there (the folder must exist).</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a state file.</exception>
    public static FileAdapterStateStore Open(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return new FileAdapterStateStore(fullPath, new AdapterStateData());
        }

        try
        {
            var data = JsonSerializer.Deserialize<AdapterStateData>(File.ReadAllBytes(fullPath), Json) ?? new AdapterStateData();
            return new FileAdapterStateStore(fullPath, data);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The adapter state file {fullPath} is not readable: {e.Message}", e);
        }
    }

    private protected override async ValueTask PersistAsync(AdapterStateData state, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var stream = PrivateFile.Create(temporary, FileOptions.WriteThrough))
        {
            // Not cancellable: a half-done write is worse than a late one.
            await JsonSerializer.SerializeAsync(stream, state, Json, CancellationToken.None);
            await stream.FlushAsync(CancellationToken.None);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
