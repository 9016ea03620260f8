namespace Interop.NationalExchange.Files;

/// <summary>
/// Creates the job's files readable by its own user only: export files and
/// reports carry applicants' personal data, and the default umask would let
/// every account of the machine read them.
/// </summary>
internal static class PrivateFile
{
    public static FileStream Create(string path, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
