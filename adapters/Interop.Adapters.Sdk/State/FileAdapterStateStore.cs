using System.Text.Json;

namespace Interop.Adapters.Sdk.State;

/// <summary>
/// The state in one local JSON file, rewritten whole after every change through a temporary file,
/// flushed to disk, then renamed over the old one: a crash leaves either the old state or the new,
/// never a half-written file. One adapter process per file, enforced: the store holds an exclusive lock
/// (<c>{path}.lock</c>) from <see cref="Open"/> to <see cref="Dispose"/>, so a second store on the same file, in
/// this process or another, is refused with <see cref="AdapterStateInUseException"/>.
/// </summary>
/// <remarks>
/// Chosen over SQLite or PostgreSQL for this first version: no extra dependency or server on the
/// landlord's side, and an adapter's state is small (a link per application). The cost is a rewrite
/// per change, fine up to some tens of thousands of links; a bulk onboarding will want a store with
/// row-level writes behind the same <see cref="IAdapterStateStore"/>.
/// </remarks>
public sealed class FileAdapterStateStore : AdapterStateStoreBase, IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly string path;
    private readonly StateFileLock held;
    private volatile bool disposed;

    private FileAdapterStateStore(string path, AdapterStateData data, StateFileLock held)
        : base(data)
    {
        this.path = path;
        this.held = held;
    }

    /// <summary>
    /// Opens the state at <paramref name="path"/>, or starts an empty one there (the folder must exist), and holds
    /// it until <see cref="Dispose"/> (or the process's end). Register it so that the host disposes it, e.g.
    /// <c>AddSingleton&lt;IAdapterStateStore&gt;(_ =&gt; FileAdapterStateStore.Open(path))</c>: an instance given
    /// to <c>AddSingleton(instance)</c> is never disposed by the container, so its lock lasts as long as the process.
    /// </summary>
    /// <exception cref="AdapterStateInUseException">Another store holds this state, in this process or another one.</exception>
    /// <exception cref="InvalidDataException">The file exists but is not a state file.</exception>
    public static FileAdapterStateStore Open(string path)
    {
        var fullPath = Path.GetFullPath(path);

        // Locked before the read: the state read is then the one no other process is writing.
        var held = StateFileLock.Take(fullPath, TimeProvider.System);
        try
        {
            var data = File.Exists(fullPath)
                ? JsonSerializer.Deserialize<AdapterStateData>(File.ReadAllBytes(fullPath), Json) ?? new AdapterStateData()
                : new AdapterStateData();
            return new FileAdapterStateStore(fullPath, data, held);
        }
        catch (JsonException e)
        {
            held.Dispose();
            throw new InvalidDataException($"The adapter state file {fullPath} is not readable: {e.Message}", e);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Releases the state's lock: another store (another process) may open it. Writes after this fail.</summary>
    public void Dispose()
    {
        disposed = true;
        held.Dispose();
    }

    private protected override async ValueTask PersistAsync(AdapterStateData state, CancellationToken cancellationToken)
    {
        // Without the lock another process may own the file by now: better a failed change (pushed again, same
        // request id, after a restart) than a state written over another adapter's.
        ObjectDisposedException.ThrowIf(disposed, this);
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
