namespace Interop.Adapters.Sdk.State;

/// <summary>
/// The exclusive hold of one state file: <c>{state}.lock</c> kept open for the life of the store, with
/// <see cref="FileShare.None"/> on Linux and macOS (where .NET takes it with <c>flock(LOCK_EX | LOCK_NB)</c>) and
/// <see cref="FileShare.Read"/> on Windows (a sharing mode that still refuses a second opener for writing, and lets
/// a refused one read who holds it). Either way a second open of the same lock, by this process or another, fails
/// at once, and the operating system drops the hold when the process ends, however it ends (no stale lock after a crash).
/// </summary>
/// <remarks>
/// The lock file is left in place when released: deleting it would let a process that opened the old file
/// and one that creates a new file both believe they hold it. It holds the holder's process id, machine and
/// since when (<see cref="StateFileHolder"/>), for the operator and for the refusal's message.
/// </remarks>
internal sealed class StateFileLock : IDisposable
{
    private readonly FileStream stream;

    private StateFileLock(FileStream stream)
    {
        this.stream = stream;
    }

    /// <summary>Takes the lock of <paramref name="statePath"/> (a full path).</summary>
    /// <exception cref="AdapterStateInUseException">Another store holds it; the message names the holder when its lock file does.</exception>
    public static StateFileLock Take(string statePath, TimeProvider timeProvider)
    {
        var lockPath = statePath + ".lock";

        // Not FileShare.Read on Linux and macOS: .NET emulates it with a shared flock, which a second holder opening
        // the file the same way also gets (checked with two processes): only None is exclusive there.
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = OperatingSystem.IsWindows() ? FileShare.Read : FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, options);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw InUse(statePath, lockPath, e);
        }

        // Written while held, so whoever reads it (cat, an operator's script, a refused opener) sees the current
        // holder. Overwritten, then cut to length: never empty in between, for a reader that comes at that moment.
        var holder = StateFileHolder.OfThisProcess(timeProvider).ToLockFileText();
        stream.Write(holder);
        stream.SetLength(holder.Length);
        stream.Flush();
        return new StateFileLock(stream);
    }

    public void Dispose() => stream.Dispose();

    private static AdapterStateInUseException InUse(string statePath, string lockPath, IOException refusal)
    {
        var state = $"The adapter state {statePath} is in use by another adapter process (or another store in this one)";
        return LockFileText.TryRead(lockPath) is { } text && StateFileHolder.Parse(text) is { } holder
            ? new AdapterStateInUseException($"{state}: {holder}. One process per state: stop the other one first.", refusal)
            : new AdapterStateInUseException($"{state}: one process per state. Stop the other one first; its process id is in {lockPath}.", refusal);
    }
}
