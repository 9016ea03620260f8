using System.Globalization;

namespace Interop.Adapters.Sdk.State;

/// <summary>
/// The exclusive hold of one state file: <c>{state}.lock</c> kept open with <see cref="FileShare.None"/> for the
/// life of the store. On Linux and macOS .NET takes it with <c>flock(LOCK_EX | LOCK_NB)</c>, on Windows as a
/// sharing mode: either way a second open of the same lock, by this process or another, fails at once, and the
/// operating system drops the hold when the process ends, however it ends (no stale lock after a crash).
/// </summary>
/// <remarks>
/// The lock file is left in place when released: deleting it would let a process that opened the old file
/// and one that creates a new file both believe they hold it. It holds the holder's process id, for the
/// operator. Who holds it (pid, machine, since when) is in a companion file, <c>{state}.holder</c>, which the holder
/// writes once it holds the lock and deletes before releasing it, and which a refused opener reads to name the
/// holder: the lock file itself cannot be read by .NET while held, its <c>flock</c> refuses every other open.
/// </remarks>
internal sealed class StateFileLock : IDisposable
{
    private readonly FileStream stream;
    private readonly string holderPath;

    private StateFileLock(FileStream stream, string holderPath)
    {
        this.stream = stream;
        this.holderPath = holderPath;
    }

    /// <summary>Takes the lock of <paramref name="statePath"/> (a full path).</summary>
    /// <exception cref="AdapterStateInUseException">Another store holds it; the message names the holder when its companion file does.</exception>
    public static StateFileLock Take(string statePath, TimeProvider timeProvider)
    {
        var lockPath = statePath + ".lock";
        var holderPath = statePath + ".holder";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
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
            throw InUse(statePath, lockPath, holderPath, e);
        }

        try
        {
            // Written while held, so whoever reads it (cat, an operator's script) sees the current holder.
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            stream.Write(pid);
            stream.Flush();

            // A holder killed (kill -9, a power cut) leaves its companion behind, naming a process that is gone:
            // harmless, as only a holder of the lock writes it, and the next one overwrites it here.
            StateFileHolder.OfThisProcess(timeProvider).Write(holderPath);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new StateFileLock(stream, holderPath);
    }

    public void Dispose()
    {
        try
        {
            // Deleted while still held: once the lock is released, the companion there may already be the next holder's.
            File.Delete(holderPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind as a killed holder leaves it: the next holder overwrites it. The lock must be released anyway.
        }
        finally
        {
            stream.Dispose();
        }
    }

    private static AdapterStateInUseException InUse(string statePath, string lockPath, string holderPath, IOException refusal)
    {
        // The companion may be missing (the holder has not written it yet, or an SDK before 0.3.0 holds the lock):
        // the refusal then points to the lock file, which holds the holder's pid.
        var state = $"The adapter state {statePath} is in use by another adapter process (or another store in this one)";
        return StateFileHolder.TryRead(holderPath) is { } holder
            ? new AdapterStateInUseException($"{state}: {holder}. One process per state: stop the other one first.", refusal)
            : new AdapterStateInUseException($"{state}: one process per state. Stop the other one first; its process id is in {lockPath}.", refusal);
    }
}
