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
/// operator and for the refusal's message.
/// </remarks>
internal sealed class StateFileLock : IDisposable
{
    private readonly FileStream stream;

    private StateFileLock(FileStream stream)
    {
        this.stream = stream;
    }

    /// <summary>Takes the lock of <paramref name="statePath"/> (a full path).</summary>
    /// <exception cref="AdapterStateInUseException">Another store holds it.</exception>
    public static StateFileLock Take(string statePath)
    {
        var lockPath = statePath + ".lock";
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
            throw new AdapterStateInUseException(
                $"The adapter state {statePath} is in use by another adapter process (or another store in this one): "
                + $"one process per state. Stop the other one first; its process id is in {lockPath}.",
                e);
        }

        // Written while held, so whoever reads it (cat, an operator's script) sees the current holder.
        stream.SetLength(0);
        var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        stream.Write(pid);
        stream.Flush();
        return new StateFileLock(stream);
    }

    public void Dispose() => stream.Dispose();
}
