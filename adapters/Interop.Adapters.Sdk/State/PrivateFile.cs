namespace Interop.Adapters.Sdk.State;

/// <summary>
/// Creates a file readable by its own user only: an adapter's state (dead
/// letters keep the hub's change with the applicant's personal data), an ERP's
/// data and the files an adapter writes for its ERP all hold personal data, and
/// the default umask would let every account of the machine read them.
/// </summary>
public static class PrivateFile
{
    /// <summary>Creates (or truncates) <paramref name="path"/> for writing, mode 0600 outside Windows.</summary>
    public static FileStream Create(string path, FileOptions fileOptions)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, Options = fileOptions };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
