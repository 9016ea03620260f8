namespace Interop.Adapters.Sdk.State;

/// <summary>
/// Creates the adapter's state file readable by its own user only: dead
/// letters keep the hub's change with the applicant's personal data, and the
/// default umask would let every account of the machine read them.
/// </summary>
internal static class PrivateFile
{
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
