using System.Runtime.InteropServices;
using System.Text;

namespace Interop.Adapters.Sdk.State;

/// <summary>
/// Reads a lock file another process holds, to name its holder in a refusal. On Windows the holder shares it for
/// reading (<see cref="FileShare.Read"/>: the kernel still refuses a second opener for writing). On Linux and macOS
/// .NET emulates every share but <see cref="FileShare.None"/> with a shared <c>flock</c>, which a second holder
/// would get as well, so the holder keeps it exclusive; then any .NET open of it is refused too (the same
/// emulation), and the text is read with the C library's <c>open</c> and <c>read</c>, which take no lock, as
/// <c>cat</c> does.
/// </summary>
internal static class LockFileText
{
    private const int ReadOnly = 0;

    // Far more than a process id, a machine name and a date.
    private const int Largest = 4096;

    /// <summary>The text of <paramref name="lockPath"/>, or null when it cannot be read (best effort: the refusal then points to the file).</summary>
    public static string? TryRead(string lockPath)
    {
        try
        {
            return OperatingSystem.IsWindows() ? ReadShared(lockPath) : ReadUnlocked(lockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static string ReadShared(string lockPath)
    {
        using var stream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string? ReadUnlocked(string lockPath)
    {
        var descriptor = Open(lockPath, ReadOnly);
        if (descriptor < 0)
        {
            return null;
        }

        try
        {
            // One read: a regular file this small is read whole unless a signal interrupts it, and then the
            // refusal only loses its holder.
            var buffer = new byte[Largest];
            var length = Read(descriptor, buffer, buffer.Length);
            return length < 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)length);
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int descriptor, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
